package org.databoost.map;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.TrainValEmbeddings;
import org.databoost.projection.Projection;
import org.databoost.projection.UmapOptions;
import org.databoost.projection.UmapProjector;
import org.databoost.task.Progress;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.ProjectionStore;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * The 2-D map of train and validation images: embeddings (cached in the workspace by content hash)
 * projected with UMAP, with the latest run's misclassified images marked.
 */
public final class MapService {
  private final DatasetScanner scanner;

  public MapService(DatasetScanner scanner) {
    this.scanner = scanner;
  }

  public List<MapPoint> compute(
      Workspace ws, Embedder embedder, UmapOptions options, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    TrainValEmbeddings embedded =
        TrainValEmbeddings.of(scanner, ws.layout().root(), ws.stateDir(), embedder, progress);
    List<ImageEntry> images = embedded.images();
    float[][] vectors = embedded.vectors();
    Projection p = new UmapProjector(options).project(vectors, progress);
    Set<String> wrong = misclassifiedHashes(ws);
    List<MapPoint> points = new ArrayList<>(images.size());
    List<ProjectionStore.Point> saved = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      ImageEntry e = images.get(i);
      points.add(
          new MapPoint(
              e.displayPath(),
              e.split().folder(),
              e.label(),
              p.x()[i],
              p.y()[i],
              wrong.contains(e.hash())));
      saved.add(new ProjectionStore.Point(e.displayPath(), e.hash(), p.x()[i], p.y()[i]));
    }
    ws.projections().save(embedder.name(), options.toString(), saved);
    return points;
  }

  private static Set<String> misclassifiedHashes(Workspace ws) throws WorkspaceException {
    Set<String> out = new HashSet<>();
    Optional<RunRecord> run = ws.runs().latest();
    if (run.isPresent()) {
      for (PredictionRecord r : ws.runs().predictions(run.get().id())) {
        if (r.predicted() != r.given()) {
          out.add(r.hash());
        }
      }
    }
    return out;
  }
}

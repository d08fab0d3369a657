package org.databoost.map;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    Map<String, String> predicted = new HashMap<>();
    Set<String> wrong = new HashSet<>();
    latestPredictions(ws, predicted, wrong);
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
              wrong.contains(e.hash()),
              predicted.getOrDefault(e.hash(), "")));
      saved.add(new ProjectionStore.Point(e.displayPath(), e.hash(), p.x()[i], p.y()[i]));
    }
    ws.projections().save(embedder.name(), options.toString(), saved);
    return points;
  }

  /** Fills the latest run's predicted label per content hash, and the hashes it got wrong. */
  private static void latestPredictions(
      Workspace ws, Map<String, String> predicted, Set<String> wrong) throws WorkspaceException {
    Optional<RunRecord> run = ws.runs().latest();
    if (run.isPresent()) {
      List<String> labels = run.get().labels();
      for (PredictionRecord r : ws.runs().predictions(run.get().id())) {
        predicted.put(r.hash(), labels.get(r.predicted()));
        if (r.predicted() != r.given()) {
          wrong.add(r.hash());
        }
      }
    }
  }
}

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
import org.databoost.workspace.UsableImages;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * The 2-D map of train and validation images: embeddings (cached in the workspace by content hash)
 * projected with UMAP, started from the latest saved map's layout when there is one (so the map
 * keeps its shape between recomputes), with the latest run's misclassified images marked.
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
        TrainValEmbeddings.of(
            UsableImages.scanToJudge(scanner, ws, progress), ws.stateDir(), embedder, progress);
    List<ImageEntry> images = embedded.images();
    float[][] vectors = embedded.vectors();
    float[] start = previousLayout(ws, embedder.name(), options, images);
    Projection p = project(new UmapProjector(options), vectors, start, progress);
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
              e.split(),
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

  /**
   * The latest saved map's position of each image (by content, so a relabelled or moved image keeps
   * its place), x and y per image, NaN for images it did not have; null when there is no map made
   * with this embedder and these options.
   */
  static float[] previousLayout(
      Workspace ws, String embedder, UmapOptions options, List<ImageEntry> images)
      throws WorkspaceException {
    Optional<ProjectionStore.Projection> last = ws.projections().latest();
    if (last.isEmpty()
        || !last.get().embedder().equals(embedder)
        || !last.get().parameters().equals(options.toString())) {
      return null;
    }
    Map<String, float[]> byHash = new HashMap<>();
    for (ProjectionStore.Point q : ws.projections().points(last.get().id())) {
      byHash.putIfAbsent(q.hash(), new float[] {q.x(), q.y()});
    }
    float[] start = new float[2 * images.size()];
    java.util.Arrays.fill(start, Float.NaN);
    for (int i = 0; i < images.size(); i++) {
      float[] xy = byHash.get(images.get(i).hash());
      if (xy != null) {
        start[2 * i] = xy[0];
        start[2 * i + 1] = xy[1];
      }
    }
    return start;
  }

  private static Projection project(
      UmapProjector projector, float[][] rows, float[] start, Progress progress) {
    int n = rows.length;
    int d = n == 0 ? 0 : rows[0].length;
    float[] flat = new float[Math.multiplyExact(n, d)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return projector.project(flat, n, d, start, progress);
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

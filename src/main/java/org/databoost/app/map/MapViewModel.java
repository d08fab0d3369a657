package org.databoost.app.map;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.databoost.app.common.Failure;
import org.databoost.app.common.TaskProgress;
import org.databoost.app.common.TaskSource;
import org.databoost.dataset.DatasetScanner;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.map.MapPoint;
import org.databoost.map.MapService;
import org.databoost.projection.UmapOptions;
import org.databoost.task.CancelledException;
import org.databoost.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the map tab: the points of the open dataset's 2-D map. Computing runs in the background;
 * the latest request wins (an older result arriving late is dropped).
 */
public final class MapViewModel implements TaskSource {
  private static final Logger LOG = LoggerFactory.getLogger(MapViewModel.class);

  private final Executor background;
  private final Executor ui;
  private final Supplier<Optional<Workspace>> workspace;
  private final AtomicLong generation = new AtomicLong();
  private final ObjectProperty<List<MapPoint>> points = new SimpleObjectProperty<>(List.of());
  private final StringProperty status = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final ObjectProperty<TaskProgress> task = new SimpleObjectProperty<>();
  private final ObjectProperty<Failure> failure = new SimpleObjectProperty<>();

  /**
   * @param background the app's single background executor, the one the image table's jobs run on,
   *     so that {@code workspace} may be read from it
   * @param workspace the open dataset's workspace, read on the background executor
   */
  public MapViewModel(Executor background, Executor ui, Supplier<Optional<Workspace>> workspace) {
    this.background = background;
    this.ui = ui;
    this.workspace = workspace;
  }

  /** Computes the map of the open dataset: embeddings (cached by content), then UMAP. */
  public void compute() {
    long mine = generation.incrementAndGet();
    TaskProgress progress = new TaskProgress(ui);
    task.set(progress);
    busy.set(true);
    status.set("Computing the map…");
    background.execute(
        () -> {
          try {
            Workspace ws =
                workspace.get().orElseThrow(() -> new IllegalStateException("no dataset is open"));
            List<MapPoint> result;
            try (GlyphEmbedder embedder = GlyphEmbedder.load()) {
              result =
                  new MapService(new DatasetScanner())
                      .compute(ws, embedder, UmapOptions.defaults(), progress);
            }
            ui.execute(
                () -> {
                  if (generation.get() == mine) {
                    points.set(List.copyOf(result));
                    finish("Map of " + result.size() + " images.");
                  }
                });
          } catch (CancelledException e) {
            ui.execute(() -> finish("Cancelled."));
          } catch (Exception e) {
            LOG.error("computing the map failed", e);
            ui.execute(
                () -> {
                  finish("The map could not be computed: " + e.getMessage());
                  failure.set(Failure.of("Computing the map", e));
                });
          }
        });
  }

  private void finish(String message) {
    status.set(message);
    busy.set(false);
    task.set(null);
  }

  public ReadOnlyObjectProperty<List<MapPoint>> pointsProperty() {
    return points;
  }

  @Override
  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  @Override
  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  @Override
  public ReadOnlyObjectProperty<TaskProgress> taskProperty() {
    return task;
  }

  @Override
  public void cancel() {
    TaskProgress t = task.get();
    if (t != null) {
      t.cancel();
    }
  }

  @Override
  public ReadOnlyObjectProperty<Failure> failureProperty() {
    return failure;
  }
}

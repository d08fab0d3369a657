package org.databoost.app.common;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.databoost.task.Progress;

/**
 * Adapts the core's {@link Progress} to properties the UI binds to. Updates from worker threads are
 * coalesced: at most one hop to the UI thread is pending at a time, so a fast loop never floods the
 * FX event queue.
 */
public final class TaskProgress implements Progress {
  private final Executor uiThread;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicReference<double[]> pendingFraction = new AtomicReference<>();
  private final AtomicReference<String> latestStage = new AtomicReference<>("");
  private final StringProperty stage = new SimpleStringProperty("");
  private final DoubleProperty fraction = new SimpleDoubleProperty(-1);

  /**
   * @param uiThread runs UI updates (Platform::runLater in the app, Runnable::run in tests)
   */
  public TaskProgress(Executor uiThread) {
    this.uiThread = uiThread;
  }

  @Override
  public void update(String stageName, long done, long total) {
    latestStage.set(stageName);
    double f = total > 0 ? Math.min(1.0, (double) done / total) : -1;
    if (pendingFraction.getAndSet(new double[] {f}) == null) {
      uiThread.execute(
          () -> {
            double[] latest = pendingFraction.getAndSet(null);
            stage.set(latestStage.get());
            fraction.set(latest == null ? f : latest[0]);
          });
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }

  /** Asks the running work to stop at its next check. */
  public void cancel() {
    cancelled.set(true);
  }

  public ReadOnlyStringProperty stageProperty() {
    return stage;
  }

  /** Done fraction in 0..1, or -1 while unknown. */
  public ReadOnlyDoubleProperty fractionProperty() {
    return fraction;
  }
}

package org.databoost.app.common;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
  private final StringProperty eta = new SimpleStringProperty("");
  private final AtomicReference<String> latestEta = new AtomicReference<>("");
  private final BooleanProperty wholeJob = new SimpleBooleanProperty();
  private final LongSupplier clock;
  private final OverallProgress overall;
  private final long startedNanos;
  private volatile String timedStage = "";
  private volatile long stageStartedNanos;
  private volatile double overallDone;
  private volatile boolean whole;

  /**
   * @param uiThread runs UI updates (Platform::runLater in the app, Runnable::run in tests)
   */
  public TaskProgress(Executor uiThread) {
    this(uiThread, System::nanoTime);
  }

  /** With a clock in nanoseconds, for tests of the time estimate. */
  public TaskProgress(Executor uiThread, LongSupplier clock) {
    this(uiThread, clock, OverallProgress.PER_STAGE);
  }

  /**
   * @param overall maps stage reports to the whole job's fraction, so one bar and one estimate
   *     cover the whole job
   */
  public TaskProgress(Executor uiThread, LongSupplier clock, OverallProgress overall) {
    this.uiThread = uiThread;
    this.clock = clock;
    this.overall = overall;
    this.startedNanos = clock.getAsLong();
  }

  @Override
  public void update(String stageName, long done, long total) {
    latestStage.set(stageName);
    long now = clock.getAsLong();
    if (!stageName.equals(timedStage)) {
      timedStage = stageName;
      stageStartedNanos = now;
    }
    double stageFraction = total > 0 ? Math.min(1.0, (double) done / total) : -1;
    double f = stageFraction;
    double o = overall.of(stageName, stageFraction);
    if (!Double.isNaN(o)) {
      // The whole job: never backwards (a stage that cannot tell keeps the last fraction).
      whole = true;
      overallDone = Math.max(overallDone, o);
      f = overallDone;
      latestEta.set(estimate(f, (now - startedNanos) / 1e9));
    } else {
      latestEta.set(estimate(f, (now - stageStartedNanos) / 1e9));
    }
    double shown = f;
    if (pendingFraction.getAndSet(new double[] {shown}) == null) {
      uiThread.execute(
          () -> {
            double[] latest = pendingFraction.getAndSet(null);
            wholeJob.set(whole);
            stage.set(latestStage.get());
            fraction.set(latest == null ? shown : latest[0]);
            eta.set(latestEta.get());
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

  /**
   * Time left in the current stage, in words ("about 2 min left"), estimated from its pace so far;
   * empty until there is enough to go on.
   */
  static String estimate(double fraction, double elapsedSeconds) {
    if (fraction < 0.02 || fraction >= 1 || elapsedSeconds < 3) {
      return "";
    }
    double left = elapsedSeconds * (1 - fraction) / fraction;
    if (left < 60) {
      return "about " + Math.max(5, Math.round(left / 5) * 5) + " s left";
    }
    if (left < 3600) {
      return "about " + Math.round(left / 60) + " min left";
    }
    return String.format(Locale.ROOT, "about %.1f h left", left / 3600);
  }

  /** The estimate of {@link #estimate}, for the whole job or the current stage. */
  public ReadOnlyStringProperty etaProperty() {
    return eta;
  }

  /**
   * Whether {@link #fractionProperty()} and {@link #etaProperty()} are of the whole job (else of
   * the current stage).
   */
  public ReadOnlyBooleanProperty wholeJobProperty() {
    return wholeJob;
  }

  /** Done fraction in 0..1 (of the whole job or of the stage), or -1 while unknown. */
  public ReadOnlyDoubleProperty fractionProperty() {
    return fraction;
  }
}

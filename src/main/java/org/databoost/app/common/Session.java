package org.databoost.app.common;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import org.databoost.workspace.WorkspaceOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's session: the open dataset's workspace and the one job runner every view-model
 * submits its background work to. Jobs run one after another on the background executor, the only
 * thread that touches the workspace; their results are handed back on the UI executor. There is one
 * status line, one progress and one failure for the whole window, so the status bar shows whatever
 * runs, whoever started it.
 */
public final class Session implements TaskSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  /** The status line after a cancelled job. */
  public static final String CANCELLED = "Cancelled; nothing was changed.";

  /** Background work that reports progress and returns a result for the UI. */
  public interface Job<T> {
    T run(TaskProgress progress) throws Exception;
  }

  private final Executor background;
  private final Executor ui;
  private final WorkspaceOptions options;
  private Workspace workspace; // touched on the background executor only
  private int running; // jobs submitted and not yet ended, UI thread only

  private final StringProperty status = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final IntegerProperty finishedJobs = new SimpleIntegerProperty();
  private final ObjectProperty<TaskProgress> task = new SimpleObjectProperty<>();
  private final ObjectProperty<Failure> failure = new SimpleObjectProperty<>();

  /**
   * @param background runs jobs one at a time (a single-thread executor in the app, the calling
   *     thread in tests)
   * @param ui runs results on the UI thread (Platform::runLater, or Runnable::run in tests)
   */
  public Session(Executor background, Executor ui, WorkspaceOptions options) {
    this.background = background;
    this.ui = ui;
    this.options = options;
  }

  /**
   * Runs a job in the background. Its result goes to {@code done} on the UI thread, which returns
   * the status line to show; a cancelled job shows {@link #CANCELLED}, a failed one its message
   * (and the failure dialog).
   *
   * @param message what is being done, shown while it runs
   */
  public <T> void run(String message, Job<T> job, Function<T, String> done) {
    run(message, OverallProgress.PER_STAGE, job, done);
  }

  /**
   * {@link #run(String, Job, Function)} with a map from the job's stages to its overall progress,
   * so that the status bar shows one bar and one time left for the whole job.
   */
  public <T> void run(
      String message, OverallProgress overall, Job<T> job, Function<T, String> done) {
    TaskProgress progress = new TaskProgress(ui, System::nanoTime, overall);
    running++;
    task.set(progress);
    busy.set(true);
    status.set(message);
    background.execute(
        () -> {
          try {
            T result = job.run(progress);
            ui.execute(() -> finish(progress, done.apply(result)));
          } catch (CancelledException e) {
            ui.execute(() -> finish(progress, CANCELLED));
          } catch (Exception | LinkageError e) {
            LOG.error("{} failed", message, e);
            ui.execute(
                () -> {
                  finish(progress, e.getMessage() == null ? e.toString() : e.getMessage());
                  failure.set(Failure.of(message.replace("…", ""), e));
                });
          }
        });
  }

  private void finish(TaskProgress progress, String message) {
    running--;
    status.set(message);
    if (task.get() == progress) {
      task.set(null);
    }
    busy.set(running > 0);
    finishedJobs.set(finishedJobs.get() + 1);
  }

  /** Sets the status line without a job (a hint for a key that did nothing, for example). */
  public void say(String message) {
    status.set(message);
  }

  // ---- the workspace, on the background executor only

  /** Opens the dataset's workspace, closing the previous one. Call it from a job. */
  public Workspace open(Path root, Progress progress) throws WorkspaceException {
    closeWorkspace();
    workspace = Workspace.open(root, options, progress);
    return workspace;
  }

  /** The open workspace. Call it from a job: the background executor is its one thread. */
  public Optional<Workspace> workspace() {
    return Optional.ofNullable(workspace);
  }

  /** The open workspace, or a clear error. Call it from a job. */
  public Workspace requireWorkspace() {
    return workspace().orElseThrow(() -> new IllegalStateException("No dataset is open."));
  }

  private void closeWorkspace() throws WorkspaceException {
    if (workspace != null) {
      Workspace old = workspace;
      workspace = null;
      old.close();
    }
  }

  /** Cancels the running job and closes the workspace after it, on the background executor. */
  @Override
  public void close() {
    cancel();
    background.execute(
        () -> {
          try {
            closeWorkspace();
          } catch (WorkspaceException e) {
            LOG.warn("closing the workspace failed", e);
          }
        });
  }

  @Override
  public void cancel() {
    TaskProgress t = task.get();
    if (t != null) {
      t.cancel();
    }
  }

  // ---- properties

  /** How many jobs have ended (done, cancelled or failed): a job's end is a change of this. */
  public ReadOnlyIntegerProperty finishedJobsProperty() {
    return finishedJobs;
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
  public ReadOnlyObjectProperty<Failure> failureProperty() {
    return failure;
  }
}

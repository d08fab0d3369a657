package org.databoost.app.images;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.databoost.app.common.Failure;
import org.databoost.app.common.TaskProgress;
import org.databoost.app.common.TaskSource;
import org.databoost.boost.BoostOptions;
import org.databoost.boost.BoostReport;
import org.databoost.boost.BoostService;
import org.databoost.boost.RoundReport;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.LabelOrder;
import org.databoost.evaluation.EvaluationService;
import org.databoost.evaluation.RunReport;
import org.databoost.report.ExcelReportWriter;
import org.databoost.report.ReportOptions;
import org.databoost.task.CancelledException;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.OperationResult;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import org.databoost.workspace.WorkspaceOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image table's state: the open dataset's workspace, one row per image joined with the latest
 * run, quick filters, and the Evaluate job. All work runs on the background executor; results are
 * published on the UI executor, so this is tested without the JavaFX toolkit.
 */
public final class ImagesViewModel implements TaskSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImagesViewModel.class);

  private final Executor background;
  private final Executor ui;
  private final WorkspaceOptions options;
  private Workspace workspace; // touched on the background executor only

  private final ObservableList<ImageItem> items = FXCollections.observableArrayList();
  private final ObservableList<String> labels = FXCollections.observableArrayList();
  private final ObservableList<String> runLabels = FXCollections.observableArrayList();
  private final FilteredList<ImageItem> filtered = new FilteredList<>(items);
  private final SortedList<ImageItem> sorted = new SortedList<>(filtered);
  private final RowFilters filters = new RowFilters();
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty runSummary = new SimpleStringProperty("No run yet.");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final IntegerProperty finishedJobs = new SimpleIntegerProperty();
  private final ObjectProperty<TaskProgress> task = new SimpleObjectProperty<>();
  private final ObjectProperty<Failure> failure = new SimpleObjectProperty<>();
  private final ObjectProperty<BoostReport> lastBoost = new SimpleObjectProperty<>();
  private final ObservableList<RoundReport> boostRounds = FXCollections.observableArrayList();
  private final StringProperty currentPath = new SimpleStringProperty();
  private final StringProperty sortColumn = new SimpleStringProperty("");
  private final BooleanProperty sortAscending = new SimpleBooleanProperty(true);

  public ImagesViewModel(Executor background, Executor ui, WorkspaceOptions options) {
    this.background = background;
    this.ui = ui;
    this.options = options;
    filters.onChange(() -> filtered.setPredicate(filters.predicate()));
  }

  /** Opens the dataset's workspace (closing the previous one) and loads its rows. */
  public void open(Path root) {
    run(
        "Loading images…",
        progress -> {
          closeWorkspace();
          workspace = Workspace.open(root, options, progress);
          return load();
        });
  }

  /** Trains the fixed model with this configuration, keeps the run and shows its predictions. */
  public void evaluate(TrainingConfig config) {
    run(
        "Evaluating with the " + config.preset() + " preset…",
        progress -> {
          requireWorkspace();
          new EvaluationService(new DatasetScanner()).evaluate(workspace, config, progress);
          return load();
        });
  }

  /**
   * Runs Data Boosting with these options: rounds of retrieved candidates added to train/, each one
   * undoable edit, with retraining; the report is published in {@link #lastBoostProperty()}.
   */
  public void boost(BoostOptions options) {
    run(
        "Boosting with " + String.format(Locale.ROOT, "%,d", options.candidates()) + " candidates…",
        progress -> {
          requireWorkspace();
          BoostReport report =
              new BoostService(new DatasetScanner()).boost(workspace, options, progress);
          TableSnapshot now = load();
          ui.execute(() -> lastBoost.set(report));
          return now.withMessage(
              String.format(
                  Locale.ROOT,
                  "Boost: val %.1f%% -> %.1f%%, %,d images added; %s.",
                  100 * report.valBaseline(),
                  100 * report.valFinal(),
                  report.keptImages(),
                  report.stopReason()));
        });
  }

  /**
   * The open workspace, for other jobs on the same background executor (the map). Call it only from
   * that executor: it is the one thread that touches the workspace.
   */
  public Optional<Workspace> workspaceOnBackground() {
    return Optional.ofNullable(workspace);
  }

  /** Gives the images another label, as one undoable edit. */
  public void relabel(List<String> paths, String label) {
    edit(
        "Relabelling…",
        () -> workspace.relabel(paths, label),
        n -> "Relabelled " + n + " to " + label);
  }

  /** Moves the images to the trash, as one undoable edit. */
  public void delete(List<String> paths) {
    edit(
        "Moving to the trash…", () -> workspace.delete(paths), n -> "Moved " + n + " to the trash");
  }

  public void undo() {
    edit("Undoing…", () -> workspace.undo(), n -> "Undid an edit of " + n);
  }

  public void redo() {
    edit("Redoing…", () -> workspace.redo(), n -> "Redid an edit of " + n);
  }

  private interface Edit {
    OperationResult apply() throws WorkspaceException;
  }

  private void edit(String message, Edit edit, Function<String, String> done) {
    run(
        message,
        progress -> {
          requireWorkspace();
          OperationResult r = edit.apply();
          TableSnapshot now = load();
          String files = r.fileCount() + (r.fileCount() == 1 ? " image" : " images");
          return now.withMessage(done.apply(files) + ".");
        });
  }

  /** Writes the Excel report of the latest run to {@code target}. */
  public void export(Path target) {
    run(
        "Exporting to " + target.getFileName() + "…",
        progress -> {
          requireWorkspace();
          RunRecord latest =
              workspace
                  .runs()
                  .latest()
                  .orElseThrow(
                      () ->
                          new IllegalStateException("There is no run to export: evaluate first."));
          ReportOptions opts = ReportOptions.DEFAULT;
          new ExcelReportWriter(opts)
              .write(
                  RunReport.of(
                      workspace.layout().root(),
                      latest,
                      workspace.runs().predictions(latest.id()),
                      opts,
                      progress),
                  target,
                  progress);
          return load().withMessage("Exported " + target + ".");
        });
  }

  private interface Job {
    TableSnapshot run(TaskProgress progress) throws Exception;
  }

  private void run(String message, Job job) {
    TaskProgress progress = new TaskProgress(ui);
    task.set(progress);
    busy.set(true);
    status.set(message);
    background.execute(
        () -> {
          try {
            TableSnapshot loaded = job.run(progress);
            ui.execute(
                () -> {
                  runLabels.setAll(loaded.runLabels());
                  items.setAll(loaded.rows());
                  labels.setAll(
                      LabelOrder.sort(
                          loaded.rows().stream().map(ImageItem::given).distinct().toList()));
                  runSummary.set(loaded.summary());
                  boostRounds.setAll(loaded.boostRounds());
                  finish(loaded.message());
                });
          } catch (CancelledException e) {
            ui.execute(() -> finish("Cancelled; nothing was changed."));
          } catch (Exception e) {
            LOG.error("{} failed", message, e);
            ui.execute(
                () -> {
                  finish(e.getMessage() == null ? e.toString() : e.getMessage());
                  failure.set(Failure.of(message.replace("…", ""), e));
                });
          }
        });
  }

  private TableSnapshot load() throws WorkspaceException {
    return TableSnapshot.of(workspace);
  }

  private void requireWorkspace() {
    if (workspace == null) {
      throw new IllegalStateException("no dataset is open");
    }
  }

  private void finish(String message) {
    status.set(message);
    busy.set(false);
    task.set(null);
    finishedJobs.set(finishedJobs.get() + 1);
  }

  private void closeWorkspace() throws WorkspaceException {
    if (workspace != null) {
      Workspace old = workspace;
      workspace = null;
      old.close();
    }
  }

  /** Cancels any running job and closes the workspace after it, on the background executor. */
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

  /** The quick filters of the table. */
  public RowFilters filters() {
    return filters;
  }

  /** The rows as the table shows them: filtered, and sorted by the table's comparator. */
  public SortedList<ImageItem> rows() {
    return sorted;
  }

  /** The dataset's labels in display order (hotkeys 1..9, 0 follow it). */
  public ObservableList<String> labels() {
    return labels;
  }

  /** The latest run's label order, which {@link ImageItem#probabilities()} follows. */
  public ObservableList<String> runLabels() {
    return runLabels;
  }

  /** All rows, unfiltered. */
  public ObservableList<ImageItem> allRows() {
    return items;
  }

  /** Every Boost round of the open dataset, from its catalog, oldest first. */
  public ObservableList<RoundReport> boostRounds() {
    return boostRounds;
  }

  /** The report of the last Boost run in this session (null before one). */
  public ReadOnlyObjectProperty<BoostReport> lastBoostProperty() {
    return lastBoost;
  }

  /** The path of the image selected in the table (the viewer's), or null. */
  public StringProperty currentPathProperty() {
    return currentPath;
  }

  /** The title of the column the table is sorted by; empty when unsorted. */
  public StringProperty sortColumnProperty() {
    return sortColumn;
  }

  public BooleanProperty sortAscendingProperty() {
    return sortAscending;
  }

  public ReadOnlyStringProperty runSummaryProperty() {
    return runSummary;
  }

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

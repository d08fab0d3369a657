package org.databoost.app.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.databoost.app.common.Failure;
import org.databoost.app.common.TaskProgress;
import org.databoost.app.common.TaskSource;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.Problem;
import org.databoost.dataset.ScanReportFormatter;
import org.databoost.dataset.Split;
import org.databoost.sample.DefaultSample;
import org.databoost.task.CancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the dataset summary screen: which dataset is open, its counts per label and split, its
 * problems and the verdict. Scans run on the background executor; results are published on the UI
 * executor, so this class is tested without starting JavaFX.
 */
public final class DatasetSummaryViewModel implements TaskSource {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetSummaryViewModel.class);

  private final DatasetScanner scanner;
  private final DefaultSample sample;
  private final Path sampleDir;
  private final Executor background;
  private final Executor ui;

  private final StringProperty datasetPath = new SimpleStringProperty("");
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty verdict = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanProperty usable = new SimpleBooleanProperty();
  private final ObjectProperty<TaskProgress> task = new SimpleObjectProperty<>();
  private final ObjectProperty<Failure> failure = new SimpleObjectProperty<>();
  private final ObservableList<String> splitColumns = FXCollections.observableArrayList();
  private final ObservableList<CountRow> counts = FXCollections.observableArrayList();
  private final ObservableList<ProblemRow> problems = FXCollections.observableArrayList();
  private Consumer<Path> onOpened = root -> {};

  public DatasetSummaryViewModel(
      DatasetScanner scanner,
      DefaultSample sample,
      Path sampleDir,
      Executor background,
      Executor ui) {
    this.scanner = scanner;
    this.sample = sample;
    this.sampleDir = sampleDir;
    this.background = background;
    this.ui = ui;
  }

  /** Called on the UI executor with the root of every dataset that opened. */
  public void setOnOpened(Consumer<Path> listener) {
    this.onOpened = listener;
  }

  /** Opens a dataset folder, or the built-in sample when {@code dir} is null. */
  public void open(Path folder) {
    Path dir = folder == null ? null : folder.toAbsolutePath().normalize();
    TaskProgress progress = new TaskProgress(ui);
    task.set(progress);
    busy.set(true);
    status.set(dir == null ? "Preparing the sample dataset…" : "Scanning " + dir + "…");
    background.execute(
        () -> {
          try {
            Path root = dir == null ? sample.ensure(sampleDir, progress) : dir;
            DatasetScan scan = scanner.scan(root, progress);
            ui.execute(() -> show(scan));
          } catch (CancelledException e) {
            ui.execute(() -> finish("Cancelled."));
          } catch (Exception e) {
            LOG.error("opening {} failed", dir, e);
            ui.execute(
                () -> {
                  finish("Could not open the dataset: " + e.getMessage());
                  failure.set(Failure.of("Opening the dataset", e));
                });
          }
        });
  }

  /** Asks the running scan to stop. */
  @Override
  public void cancel() {
    TaskProgress t = task.get();
    if (t != null) {
      t.cancel();
    }
  }

  private void show(DatasetScan scan) {
    datasetPath.set(scan.root().toString());
    List<Split> splits = scan.splits();
    splitColumns.setAll(splits.stream().map(Split::folder).toList());
    List<CountRow> rows = new ArrayList<>();
    for (String label : scan.labels()) {
      rows.add(new CountRow(label, splits.stream().map(s -> scan.count(s, label)).toList()));
    }
    counts.setAll(rows);
    problems.setAll(
        scan.problems().stream()
            .map(
                p ->
                    new ProblemRow(
                        severityText(p.severity()), p.kind().title(), p.displayPath(), p.message()))
            .toList());
    usable.set(scan.isUsable());
    verdict.set(new ScanReportFormatter().verdict(scan));
    finish("Opened " + scan.root().getFileName() + ".");
    onOpened.accept(scan.root());
  }

  private static String severityText(Problem.Severity s) {
    return switch (s) {
      case ERROR -> "Error";
      case WARNING -> "Warning";
      case INFO -> "Info";
    };
  }

  private void finish(String message) {
    status.set(message);
    busy.set(false);
    task.set(null);
  }

  public StringProperty datasetPathProperty() {
    return datasetPath;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public StringProperty verdictProperty() {
    return verdict;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public BooleanProperty usableProperty() {
    return usable;
  }

  public ObjectProperty<TaskProgress> taskProperty() {
    return task;
  }

  public ObservableList<String> splitColumns() {
    return splitColumns;
  }

  public ObservableList<CountRow> counts() {
    return counts;
  }

  public ObservableList<ProblemRow> problems() {
    return problems;
  }

  @Override
  public ReadOnlyObjectProperty<Failure> failureProperty() {
    return failure;
  }
}

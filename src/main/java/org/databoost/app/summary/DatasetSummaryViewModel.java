package org.databoost.app.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.databoost.app.common.Session;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.Problem;
import org.databoost.dataset.ScanReportFormatter;
import org.databoost.dataset.Split;
import org.databoost.sample.DefaultSample;

/**
 * State of the dataset summary screen: which dataset is open, its counts per label and split, its
 * problems and the verdict. Scans run on the background executor; results are published on the UI
 * executor, so this class is tested without starting JavaFX.
 */
public final class DatasetSummaryViewModel {
  private final DatasetScanner scanner;
  private final DefaultSample sample;
  private final Path sampleDir;
  private final Session session;

  private final StringProperty datasetPath = new SimpleStringProperty("");
  private final StringProperty verdict = new SimpleStringProperty("");
  private final BooleanProperty usable = new SimpleBooleanProperty();
  private final ObservableList<String> splitColumns = FXCollections.observableArrayList();
  private final ObservableList<CountRow> counts = FXCollections.observableArrayList();
  private final ObservableList<ProblemRow> problems = FXCollections.observableArrayList();
  private Consumer<Path> onOpened = root -> {};
  private Consumer<String> onShowImage = path -> {};

  public DatasetSummaryViewModel(
      DatasetScanner scanner, DefaultSample sample, Path sampleDir, Session session) {
    this.scanner = scanner;
    this.sample = sample;
    this.sampleDir = sampleDir;
    this.session = session;
  }

  /** Called on the UI executor with the root of every dataset that opened. */
  public void setOnOpened(Consumer<Path> listener) {
    this.onOpened = listener;
  }

  /** Called with a problem's dataset-relative path when the user asks to see its image. */
  public void setOnShowImage(Consumer<String> listener) {
    this.onShowImage = listener;
  }

  /**
   * Shows the image a problem is about (double-click or Enter on its row); says so when the problem
   * names no file, as the dataset-wide ones do.
   */
  public void showImage(ProblemRow row) {
    if (row == null) {
      return;
    }
    if (row.path().isEmpty()) {
      session.say("\"" + row.kind() + "\" is about the whole dataset, not one image.");
      return;
    }
    onShowImage.accept(row.path());
  }

  /** Opens a dataset folder, or the built-in sample when {@code dir} is null. */
  public void open(Path folder) {
    Path dir = folder == null ? null : folder.toAbsolutePath().normalize();
    session.run(
        dir == null ? "Preparing the sample dataset…" : "Scanning " + dir + "…",
        progress -> scanner.scan(dir == null ? sample.ensure(sampleDir, progress) : dir, progress),
        this::show);
  }

  private String show(DatasetScan scan) {
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
    onOpened.accept(scan.root());
    return "Opened " + scan.root().getFileName() + ".";
  }

  private static String severityText(Problem.Severity s) {
    return switch (s) {
      case ERROR -> "Error";
      case WARNING -> "Warning";
      case INFO -> "Info";
    };
  }

  public StringProperty datasetPathProperty() {
    return datasetPath;
  }

  public StringProperty verdictProperty() {
    return verdict;
  }

  public BooleanProperty usableProperty() {
    return usable;
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
}

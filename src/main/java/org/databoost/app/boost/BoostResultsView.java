package org.databoost.app.boost;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.databoost.app.charts.ChartNodes;
import org.databoost.app.charts.RoundsCurve;
import org.databoost.app.runs.EditsSince;
import org.databoost.app.runs.RunInfo;
import org.databoost.boost.BoostReport;
import org.databoost.boost.RoundReport;

/**
 * The results of the last Boost run: before/after accuracies per round (and of the random
 * ablation), which errors were fixed and which appeared, per-class changes as a table and a bar
 * chart, accuracy over the rounds as a line chart, and a way to see the added images.
 */
public final class BoostResultsView {
  private final ReadOnlyObjectProperty<BoostReport> report;
  private final ObservableList<RoundReport> rounds;
  private final ObservableList<String> unchecked;
  private final ObservableList<RunInfo> runs;
  private final Runnable showAdded;

  /**
   * @param report the last Boost report of this session (null before one)
   * @param rounds every Boost round of the dataset, from its catalog
   * @param runs the kept runs with the edits since each (the rounds' runs among them)
   * @param unchecked notes on Boost edits that are in place but were never retrained
   * @param showAdded shows the images the kept rounds added (in the image table)
   */
  public BoostResultsView(
      ReadOnlyObjectProperty<BoostReport> report,
      ObservableList<RoundReport> rounds,
      ObservableList<RunInfo> runs,
      ObservableList<String> unchecked,
      Runnable showAdded) {
    this.report = report;
    this.rounds = rounds;
    this.runs = runs;
    this.unchecked = unchecked;
    this.showAdded = showAdded;
  }

  public VBox build() {
    Label headline = new Label("No Boost run yet: press Boost… in the toolbar.");
    headline.setId("boost-headline");
    headline.getStyleClass().add("boost-headline");
    headline.setWrapText(true);
    Label notRetrained = new Label();
    notRetrained.setId("boost-not-retrained");
    notRetrained.getStyleClass().add("out-of-date");
    notRetrained.setWrapText(true);
    notRetrained.setVisible(false);
    notRetrained.setManaged(false);
    Label details = new Label();
    details.setId("boost-details");
    details.setWrapText(true);
    Label stale = new Label();
    stale.setId("boost-out-of-date");
    stale.getStyleClass().add("out-of-date");
    stale.managedProperty().bind(stale.textProperty().isNotEmpty());
    stale.visibleProperty().bind(stale.managedProperty());
    TableView<RoundReport> table = new TableView<>();
    table.setId("boost-rounds");
    table.setPlaceholder(new Label("The rounds of a Boost run appear here."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getColumns()
        .setAll(
            List.of(
                column("Round", r -> Integer.toString(r.round()), 60),
                column("Errors", r -> Integer.toString(r.errorsBefore()), 70),
                column("Added", r -> String.format(Locale.ROOT, "%,d", r.added()), 80),
                column("Validation", r -> change(r.valBefore(), r.valAfter()), 150),
                column("Label book", r -> change(r.labelBookBefore(), r.labelBookAfter()), 150),
                column("Random: validation", r -> percent(r.randomValAfter()), 140),
                column("Random: label book", r -> percent(r.randomLabelBookAfter()), 140),
                column("Fixed", r -> Integer.toString(r.fixed().size()), 60),
                column("New errors", r -> Integer.toString(r.appeared().size()), 80),
                column("Kept", r -> r.kept() ? "yes (edit #" + r.opId() + ")" : "undone", 110)));
    table.setFixedCellSize(26);
    table
        .prefHeightProperty()
        .bind(Bindings.size(rounds).multiply(26).add(34).map(h -> Math.max(120, h.doubleValue())));
    table.minHeightProperty().bind(table.prefHeightProperty());
    Label perClassTitle = new Label();
    perClassTitle.setId("boost-per-class");
    perClassTitle.getStyleClass().add("section-title");
    BarChart<String, Number> perClassChart = ChartNodes.perClassBars("boost-per-class-chart");
    ChartNodes.showPerClass(perClassChart, null);
    LineChart<Number, Number> roundsChart =
        ChartNodes.accuracyLines("boost-rounds-chart", "Accuracy over the Boost rounds", "round");
    TableView<RoundReport.ClassChange> perClass = new TableView<>();
    perClass.setId("boost-classes");
    perClass.setPlaceholder(new Label("Select a round to see its classes."));
    perClass.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    perClass
        .getColumns()
        .setAll(
            List.of(
                classColumn("Label", RoundReport.ClassChange::label, 56),
                classColumn("Images", c -> Integer.toString(c.images()), 64),
                classColumn(
                    "Before", c -> String.format(Locale.ROOT, "%.1f%%", 100 * c.before()), 64),
                classColumn(
                    "After", c -> String.format(Locale.ROOT, "%.1f%%", 100 * c.after()), 64),
                classColumn(
                    "Change",
                    c -> String.format(Locale.ROOT, "%+.1f points", 100 * (c.after() - c.before())),
                    96)));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, r) -> {
              perClassTitle.setText(
                  r == null ? "" : "Round " + r.round() + ": validation accuracy by class");
              perClass.setItems(
                  javafx.collections.FXCollections.observableArrayList(
                      r == null ? List.of() : r.perClass()));
              ChartNodes.showPerClass(perClassChart, r);
            });
    Button added = new Button("Show added images");
    added.setId("boost-show-added");
    added.setOnAction(e -> showAdded.run());
    table.setItems(rounds);
    Runnable refresh =
        () -> {
          // The headline is always the catalog's, so an undone round is never claimed as kept.
          BoostReport r = report.get();
          if (rounds.isEmpty()) {
            headline.setText(
                r == null
                    ? "No Boost run yet: press Boost… in the toolbar."
                    : "Boost kept no round: " + r.stopReason() + ".");
            details.setText(r == null ? "" : details(r));
          } else {
            headline.setText(historyHeadline(rounds));
            details.setText(
                (r == null ? "From this dataset's catalog. " : details(r) + " ")
                    + "Every kept round is one edit: Ctrl+Z undoes the newest.");
            table.getSelectionModel().select(rounds.size() - 1);
          }
          stale.setText(outOfDate(rounds, runs));
          notRetrained.setText(String.join("\n", unchecked));
          notRetrained.setVisible(!unchecked.isEmpty());
          notRetrained.setManaged(!unchecked.isEmpty());
          ChartNodes.showRounds(roundsChart, RoundsCurve.of(rounds));
          added.setDisable(rounds.stream().noneMatch(RoundReport::kept));
        };
    added.setDisable(true);
    report.addListener((o, a, r) -> refresh.run());
    rounds.addListener((ListChangeListener<RoundReport>) c -> refresh.run());
    runs.addListener((ListChangeListener<RunInfo>) c -> refresh.run());
    unchecked.addListener((ListChangeListener<String>) c -> refresh.run());
    HBox actions = new HBox(8, added);
    VBox classes = new VBox(6, perClassTitle, perClass);
    VBox.setVgrow(perClass, Priority.ALWAYS);
    javafx.scene.control.SplitPane below =
        new javafx.scene.control.SplitPane(classes, perClassChart, roundsChart);
    below.setId("boost-charts-split");
    below.setDividerPositions(0.3, 0.64);
    VBox box = new VBox(10, headline, notRetrained, stale, details, table, actions, below);
    VBox.setVgrow(below, Priority.ALWAYS);
    box.setPadding(new Insets(12));
    box.getStyleClass().add("boost-results");
    return box;
  }

  static String headline(BoostReport r) {
    return String.format(
        Locale.ROOT,
        "Validation accuracy %.1f%% → %.1f%% with %,d added images (%d round%s kept). Stopped: %s.",
        100 * r.valBaseline(),
        100 * r.valFinal(),
        r.keptImages(),
        r.rounds().stream().filter(RoundReport::kept).count(),
        r.rounds().stream().filter(RoundReport::kept).count() == 1 ? "" : "s",
        r.stopReason());
  }

  /** "The dataset changed since the last round: out of date: 2 edits since", or empty. */
  static String outOfDate(List<RoundReport> rounds, List<RunInfo> runs) {
    if (rounds.isEmpty()) {
      return "";
    }
    long last = rounds.get(rounds.size() - 1).runId();
    return runs.stream()
        .filter(r -> r.id() == last && r.editsSince() > 0)
        .findFirst()
        .map(
            r ->
                "The dataset changed after the last round's run: "
                    + EditsSince.describe(r.editsSince())
                    + ".")
        .orElse("");
  }

  static String historyHeadline(List<RoundReport> rounds) {
    long kept = rounds.stream().filter(RoundReport::kept).count();
    int images = rounds.stream().filter(RoundReport::kept).mapToInt(RoundReport::added).sum();
    RoundReport last = rounds.get(rounds.size() - 1);
    return String.format(
        Locale.ROOT,
        "%d Boost round%s on record, %d kept with %,d added images. Last: validation %.1f%% →"
            + " %.1f%%%s.",
        rounds.size(),
        rounds.size() == 1 ? "" : "s",
        kept,
        images,
        100 * last.valBefore(),
        100 * last.valAfter(),
        last.kept() ? "" : " (undone)");
  }

  static String details(BoostReport r) {
    return String.format(
        Locale.ROOT,
        "This session's Boost stopped: %s. %s Baseline: run #%d%s. Preset %s, k %d,"
            + " budget %,d, seed %d%s.",
        r.stopReason(),
        r.corpus().isEmpty()
            ? String.format(
                Locale.ROOT,
                "Pool: %,d candidates embedded with %s in %.0f s.",
                r.poolSize(),
                r.options().embedder(),
                r.pool().wallSeconds())
            : String.format(
                Locale.ROOT,
                "Corpus '%s': %,d images (%s); %,d wait in the Review queue tab.",
                r.corpus(),
                r.poolSize(),
                r.options().embedder(),
                r.queued()),
        r.baselineRunId(),
        r.baselineTrained() ? " (trained for this Boost)" : " (the latest run)",
        r.options().training().preset(),
        r.options().k(),
        r.options().budget(),
        r.options().seed(),
        r.resplitMoved() > 0 ? "; re-split moved " + r.resplitMoved() + " images" : "");
  }

  private static String change(double before, double after) {
    return String.format(Locale.ROOT, "%.1f%% → %.1f%%", 100 * before, 100 * after);
  }

  private static String change(OptionalDouble before, OptionalDouble after) {
    return before.isPresent() && after.isPresent()
        ? change(before.getAsDouble(), after.getAsDouble())
        : "–";
  }

  private static String percent(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * v.getAsDouble()) : "–";
  }

  private static TableColumn<RoundReport.ClassChange, String> classColumn(
      String title, Function<RoundReport.ClassChange, String> value, double width) {
    TableColumn<RoundReport.ClassChange, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private static TableColumn<RoundReport, String> column(
      String title, Function<RoundReport, String> value, double width) {
    TableColumn<RoundReport, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    return c;
  }
}

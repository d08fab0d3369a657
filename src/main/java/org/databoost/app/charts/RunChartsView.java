package org.databoost.app.charts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.databoost.app.images.ImageItem;
import org.databoost.app.runs.RunInfo;
import org.databoost.dataset.LabelOrder;
import org.databoost.dataset.Split;

/**
 * The Charts tab: for the run the table shows, its validation accuracy per epoch and its validation
 * confusion matrix as a heat map (given label by row, predicted by column, as the run saw them).
 */
public final class RunChartsView {
  private final ReadOnlyObjectProperty<RunInfo> shown;
  private final ObservableList<ImageItem> rows;
  private final LineChart<Number, Number> epochs =
      ChartNodes.accuracyLines("epoch-chart", "Validation accuracy per epoch", "epoch");
  private final GridPane heat = new GridPane();
  private final Label title = new Label();
  private final Label heatTitle = new Label();

  /**
   * @param shown the run the image table shows
   * @param rows every image with that run's prediction
   */
  public RunChartsView(ReadOnlyObjectProperty<RunInfo> shown, ObservableList<ImageItem> rows) {
    this.shown = shown;
    this.rows = rows;
  }

  public VBox build() {
    title.setId("charts-title");
    title.getStyleClass().add("section-title");
    heatTitle.getStyleClass().add("section-title");
    heat.setId("confusion-heat-map");
    heat.getStyleClass().add("heat-map");
    ScrollPane heatScroll = new ScrollPane(heat);
    heatScroll.setFitToWidth(false);
    VBox heatBox = new VBox(6, heatTitle, heatScroll);
    VBox.setVgrow(heatScroll, Priority.ALWAYS);
    HBox charts = new HBox(16, epochs, heatBox);
    HBox.setHgrow(epochs, Priority.ALWAYS);
    VBox.setVgrow(charts, Priority.ALWAYS);
    shown.addListener(o -> refresh());
    rows.addListener((ListChangeListener<ImageItem>) c -> refresh());
    refresh();
    VBox box = new VBox(10, title, charts);
    box.setPadding(new Insets(12));
    return box;
  }

  private void refresh() {
    RunInfo run = shown.get();
    if (run == null) {
      title.setText("No run yet: press Evaluate, and its charts appear here.");
      epochs.getData().clear();
      heat.getChildren().clear();
      heatTitle.setText("");
      return;
    }
    title.setText(run.title() + " — " + run.figures());
    EpochCurve curve = EpochCurve.of(run.epochs());
    ChartNodes.showEpochs(epochs, curve);
    epochs.setTitle(
        curve.isEmpty()
            ? "This run kept no epochs"
            : "Validation accuracy per epoch (main model, "
                + curve.epochs().size()
                + (curve.epochs().size() == 1 ? " epoch)" : " epochs)"));
    Confusion m = confusion(rows);
    ChartNodes.showConfusion(heat, m);
    heatTitle.setText(
        m.total() == 0
            ? "No validation images with a prediction in this run."
            : String.format(
                Locale.ROOT,
                "Validation confusion matrix: %,d images, accuracy %.1f%% (share of each row shaded)",
                m.total(),
                100 * m.accuracy()));
  }

  /** The validation images' labels as the run saw them and its predictions. */
  static Confusion confusion(List<ImageItem> rows) {
    List<Confusion.Pair> pairs = new ArrayList<>();
    Set<String> labels = new LinkedHashSet<>();
    for (ImageItem i : rows) {
      if (!i.in(Split.VAL) || i.predicted().isEmpty()) {
        continue;
      }
      String given = i.runGiven().isEmpty() ? i.given() : i.runGiven();
      pairs.add(new Confusion.Pair(given, i.predicted()));
      labels.add(given);
      labels.add(i.predicted());
    }
    return Confusion.of(LabelOrder.sort(labels), pairs);
  }
}

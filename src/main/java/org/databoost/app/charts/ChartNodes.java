package org.databoost.app.charts;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.databoost.boost.RoundReport;

/**
 * The workbench's plots, all JavaFX charts (and the confusion matrix as a grid of labelled cells):
 * accuracy per epoch, per-class accuracy before and after a Boost round, accuracy over the Boost
 * rounds, the confusion matrix as a heat map. Each chart is made once and refilled.
 */
public final class ChartNodes {
  private ChartNodes() {}

  /** A line chart of accuracy (in percent) against an integer x axis. */
  public static LineChart<Number, Number> accuracyLines(String id, String title, String xName) {
    NumberAxis x = new NumberAxis();
    x.setLabel(xName);
    x.setForceZeroInRange(false);
    x.setMinorTickVisible(false);
    NumberAxis y = new NumberAxis();
    y.setLabel("accuracy (%)");
    y.setForceZeroInRange(false);
    LineChart<Number, Number> chart = new LineChart<>(x, y);
    chart.setId(id);
    chart.setTitle(title);
    chart.setAnimated(false);
    chart.setCreateSymbols(true);
    chart.setMinSize(260, 200);
    return chart;
  }

  /** Fills the accuracy-per-epoch chart; empty when the run kept no epochs. */
  public static void showEpochs(LineChart<Number, Number> chart, EpochCurve curve) {
    XYChart.Series<Number, Number> val = new XYChart.Series<>();
    val.setName("validation accuracy");
    for (int i = 0; i < curve.epochs().size(); i++) {
      val.getData()
          .add(new XYChart.Data<>(curve.epochs().get(i), 100 * curve.valAccuracy().get(i)));
    }
    chart.getData().setAll(List.of(val));
    fitAxes(chart);
  }

  /**
   * Whole numbers on the x axis (epochs, rounds) and an accuracy axis in steps of 10 points around
   * the data, so that one point or a flat line is not blown up into noise.
   */
  private static void fitAxes(LineChart<Number, Number> chart) {
    double loX = Double.POSITIVE_INFINITY;
    double hiX = Double.NEGATIVE_INFINITY;
    double loY = Double.POSITIVE_INFINITY;
    double hiY = Double.NEGATIVE_INFINITY;
    for (XYChart.Series<Number, Number> s : chart.getData()) {
      for (XYChart.Data<Number, Number> d : s.getData()) {
        loX = Math.min(loX, d.getXValue().doubleValue());
        hiX = Math.max(hiX, d.getXValue().doubleValue());
        loY = Math.min(loY, d.getYValue().doubleValue());
        hiY = Math.max(hiY, d.getYValue().doubleValue());
      }
    }
    NumberAxis x = (NumberAxis) chart.getXAxis();
    NumberAxis y = (NumberAxis) chart.getYAxis();
    x.setAutoRanging(false);
    y.setAutoRanging(false);
    if (loX > hiX) {
      loX = 0;
      hiX = 1;
      loY = 0;
      hiY = 100;
    }
    boolean one = hiX - loX < 1;
    x.setLowerBound(Math.floor(loX) - (one ? 1 : 0));
    x.setUpperBound(Math.ceil(hiX) + (one ? 1 : 0));
    x.setTickUnit(Math.max(1, Math.ceil((x.getUpperBound() - x.getLowerBound()) / 10)));
    x.setTickLabelFormatter(WHOLE);
    y.setLowerBound(Math.max(0, Math.floor((loY - 5) / 10) * 10));
    y.setUpperBound(Math.min(100, Math.ceil((hiY + 5) / 10) * 10));
    y.setTickUnit(y.getUpperBound() - y.getLowerBound() > 40 ? 20 : 10);
  }

  private static final javafx.util.StringConverter<Number> WHOLE =
      new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number n) {
          return n.doubleValue() == Math.rint(n.doubleValue())
              ? Long.toString(Math.round(n.doubleValue()))
              : "";
        }

        @Override
        public Number fromString(String s) {
          return Double.valueOf(s);
        }
      };

  /** Fills the accuracy-over-rounds chart (round 0 is before the first round). */
  public static void showRounds(LineChart<Number, Number> chart, RoundsCurve curve) {
    XYChart.Series<Number, Number> val = series("validation", curve.valAccuracy(), 0);
    XYChart.Series<Number, Number> book = series("label book", curve.labelBook(), 0);
    XYChart.Series<Number, Number> random =
        series("random candidates (validation)", curve.randomVal(), 1);
    List<XYChart.Series<Number, Number>> all = new java.util.ArrayList<>(List.of(val));
    if (!book.getData().isEmpty()) {
      all.add(book);
    }
    if (!random.getData().isEmpty()) {
      all.add(random);
    }
    chart.getData().setAll(all);
    fitAxes(chart);
  }

  private static XYChart.Series<Number, Number> series(String name, List<Double> ys, int firstX) {
    XYChart.Series<Number, Number> s = new XYChart.Series<>();
    s.setName(name);
    for (int i = 0; i < ys.size(); i++) {
      if (!Double.isNaN(ys.get(i))) {
        s.getData().add(new XYChart.Data<>(firstX + i, 100 * ys.get(i)));
      }
    }
    return s;
  }

  /** A bar chart of per-class accuracy, before and after. */
  public static BarChart<String, Number> perClassBars(String id) {
    CategoryAxis x = new CategoryAxis();
    x.setLabel("class");
    NumberAxis y = new NumberAxis(0, 100, 20);
    y.setLabel("validation accuracy (%)");
    BarChart<String, Number> chart = new BarChart<>(x, y);
    chart.setId(id);
    chart.setAnimated(false);
    chart.setCategoryGap(6);
    chart.setBarGap(1);
    chart.setMinSize(260, 200);
    return chart;
  }

  /** Fills the per-class chart with a round's classes; empty for none. */
  public static void showPerClass(BarChart<String, Number> chart, RoundReport round) {
    XYChart.Series<String, Number> before = new XYChart.Series<>();
    before.setName("before");
    XYChart.Series<String, Number> after = new XYChart.Series<>();
    after.setName("after");
    if (round != null) {
      for (RoundReport.ClassChange c : round.perClass()) {
        before.getData().add(new XYChart.Data<>(c.label(), 100 * c.before()));
        after.getData().add(new XYChart.Data<>(c.label(), 100 * c.after()));
      }
    }
    chart.setTitle(round == null ? "Per class" : "Round " + round.round() + ": accuracy by class");
    chart.getData().setAll(List.of(before, after));
  }

  /**
   * The confusion matrix as a heat map: a cell per given (row) and predicted (column) label with
   * its count, shaded by its share of the row (the diagonal green, the rest red), a tooltip with
   * both.
   */
  public static void showConfusion(GridPane grid, Confusion m) {
    grid.getChildren().clear();
    grid.setHgap(1);
    grid.setVgap(1);
    List<String> labels = m.labels();
    Label corner = new Label("given ↓  predicted →");
    corner.getStyleClass().add("heat-corner");
    grid.add(corner, 0, 0);
    for (int c = 0; c < labels.size(); c++) {
      grid.add(header(labels.get(c)), c + 1, 0);
    }
    for (int g = 0; g < labels.size(); g++) {
      grid.add(header(labels.get(g)), 0, g + 1);
      for (int p = 0; p < labels.size(); p++) {
        grid.add(cell(m, g, p), p + 1, g + 1);
      }
    }
  }

  private static Label header(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("heat-header");
    l.setMinWidth(Region.USE_PREF_SIZE);
    l.setAlignment(Pos.CENTER);
    l.setMaxWidth(Double.MAX_VALUE);
    return l;
  }

  private static Label cell(Confusion m, int g, int p) {
    int n = m.counts()[g][p];
    double share = m.rowShare(g, p);
    Label l = new Label(n == 0 ? "" : Integer.toString(n));
    l.setId("heat-" + m.labels().get(g) + "-" + m.labels().get(p));
    l.getStyleClass().add("heat-cell");
    l.setAlignment(Pos.CENTER);
    l.setMinSize(34, 24);
    l.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    // White to full colour with the share; text turns white on dark cells.
    String hue = g == p ? "46, 125, 50" : "198, 40, 40";
    double alpha = n == 0 ? 0 : 0.12 + 0.88 * share;
    l.setStyle(
        String.format(
            Locale.ROOT,
            "-fx-background-color: rgba(%s, %.3f);%s",
            hue,
            alpha,
            alpha > 0.55 ? " -fx-text-fill: white;" : ""));
    l.setTooltip(
        new Tooltip(
            String.format(
                Locale.ROOT,
                "given %s, predicted %s: %d of %d (%.1f%%)",
                m.labels().get(g),
                m.labels().get(p),
                n,
                m.rowTotal(g),
                100 * share)));
    return l;
  }
}

package org.databoost.app.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's accuracy per epoch, read from its epoch log ("epoch,loss,val_accuracy,seconds" and one
 * line per epoch): the points of the accuracy-per-epoch chart.
 *
 * @param epochs the epoch numbers
 * @param valAccuracy validation accuracy after each epoch, 0..1
 * @param loss training loss of each epoch
 */
public record EpochCurve(List<Integer> epochs, List<Double> valAccuracy, List<Double> loss) {
  /** The curve of these log lines (header first); lines it cannot read are left out. */
  public static EpochCurve of(List<String> lines) {
    List<Integer> epochs = new ArrayList<>();
    List<Double> acc = new ArrayList<>();
    List<Double> loss = new ArrayList<>();
    if (lines.isEmpty()) {
      return new EpochCurve(epochs, acc, loss);
    }
    List<String> header = List.of(lines.get(0).toLowerCase(Locale.ROOT).split(","));
    int e = header.indexOf("epoch");
    int a = header.indexOf("val_accuracy");
    int l = header.indexOf("loss");
    if (e < 0 || a < 0) {
      return new EpochCurve(epochs, acc, loss);
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      try {
        int epoch = Integer.parseInt(f[e].trim());
        double v = Double.parseDouble(f[a].trim());
        if (!Double.isFinite(v)) {
          continue;
        }
        epochs.add(epoch);
        acc.add(v);
        loss.add(l >= 0 && l < f.length ? Double.parseDouble(f[l].trim()) : Double.NaN);
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException bad) {
        // A line of another format (a fold's summary): not a point of the curve.
      }
    }
    return new EpochCurve(List.copyOf(epochs), List.copyOf(acc), List.copyOf(loss));
  }

  public boolean isEmpty() {
    return epochs.isEmpty();
  }
}

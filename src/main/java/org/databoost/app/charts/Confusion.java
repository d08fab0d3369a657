package org.databoost.app.charts;

import java.util.List;

/**
 * The counts of a confusion matrix, given label by row and predicted label by column, for the heat
 * map.
 *
 * @param labels the row and column labels, in order
 * @param counts {@code counts[given][predicted]}
 */
public record Confusion(List<String> labels, int[][] counts) {
  /** One image's given and predicted label; images whose labels are not in the list are skipped. */
  public record Pair(String given, String predicted) {}

  public static Confusion of(List<String> labels, List<Pair> pairs) {
    int k = labels.size();
    int[][] counts = new int[k][k];
    for (Pair p : pairs) {
      int g = labels.indexOf(p.given());
      int q = labels.indexOf(p.predicted());
      if (g >= 0 && q >= 0) {
        counts[g][q]++;
      }
    }
    return new Confusion(List.copyOf(labels), counts);
  }

  /** Images of this given label. */
  public int rowTotal(int given) {
    int n = 0;
    for (int c : counts[given]) {
      n += c;
    }
    return n;
  }

  /** The share of the row's images in this cell, 0 for an empty row. */
  public double rowShare(int given, int predicted) {
    int total = rowTotal(given);
    return total == 0 ? 0 : (double) counts[given][predicted] / total;
  }

  public int total() {
    int n = 0;
    for (int g = 0; g < counts.length; g++) {
      n += rowTotal(g);
    }
    return n;
  }

  /** The share on the diagonal (accuracy), NaN without images. */
  public double accuracy() {
    int right = 0;
    for (int g = 0; g < counts.length; g++) {
      right += counts[g][g];
    }
    int n = total();
    return n == 0 ? Double.NaN : (double) right / n;
  }
}

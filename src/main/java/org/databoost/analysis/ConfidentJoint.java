package org.databoost.analysis;

/**
 * The per-class thresholds and the confident joint of Northcutt et al. (JAIR 2021, section 3.1).
 *
 * <p>{@code t_j} is the mean of {@code p_j} over the examples labelled j. An example labelled i is
 * counted in {@code C[i][j]} where j is the most probable of the classes whose probability reaches
 * their threshold; examples that reach no threshold are not counted. This is the paper's
 * definition; cleanlab takes the plain argmax when two or more classes are confident, which differs
 * only when the argmax itself is below its threshold.
 */
final class ConfidentJoint {
  // cleanlab compares with this slack so that an example exactly at the mean counts as confident.
  private static final double SLACK = 1e-6;

  final double[] thresholds;
  final int[] labelCounts;
  final int[][] counts;

  /** Per example: the confident class, or -1 when no class reaches its threshold. */
  final int[] confidentClass;

  private ConfidentJoint(
      double[] thresholds, int[] labelCounts, int[][] counts, int[] confidentClass) {
    this.thresholds = thresholds;
    this.labelCounts = labelCounts;
    this.counts = counts;
    this.confidentClass = confidentClass;
  }

  static ConfidentJoint compute(float[][] probabilities, int[] labels, int k) {
    int n = labels.length;
    int[] labelCounts = new int[k];
    double[] sums = new double[k];
    for (int x = 0; x < n; x++) {
      labelCounts[labels[x]]++;
      sums[labels[x]] += probabilities[x][labels[x]];
    }
    // A class nobody is labelled with has no threshold (NaN); no example is confident in it.
    double[] thresholds = new double[k];
    for (int j = 0; j < k; j++) {
      thresholds[j] = labelCounts[j] == 0 ? Double.NaN : sums[j] / labelCounts[j];
    }
    int[][] counts = new int[k][k];
    int[] confidentClass = new int[n];
    for (int x = 0; x < n; x++) {
      int best = -1;
      for (int j = 0; j < k; j++) {
        float p = probabilities[x][j];
        boolean confident = p >= thresholds[j] - SLACK; // false for NaN
        if (confident && (best < 0 || p > probabilities[x][best])) {
          best = j;
        }
      }
      confidentClass[x] = best;
      if (best >= 0) {
        counts[labels[x]][best]++;
      }
    }
    // As cleanlab does, assume at least one correctly labelled example per class, so that
    // calibration never divides by an empty row.
    for (int j = 0; j < k; j++) {
      counts[j][j] = Math.max(counts[j][j], 1);
    }
    return new ConfidentJoint(thresholds, labelCounts, counts, confidentClass);
  }

  /**
   * Scales each row of the confident joint to the number of examples with that given label, then
   * the whole to n, and rounds preserving row totals (the paper's equation 3).
   */
  int[][] calibrated() {
    int k = counts.length;
    double[][] scaled = new double[k][k];
    double total = 0;
    for (int i = 0; i < k; i++) {
      double rowSum = 0;
      for (int j = 0; j < k; j++) {
        rowSum += counts[i][j];
      }
      for (int j = 0; j < k; j++) {
        scaled[i][j] = counts[i][j] / rowSum * labelCounts[i];
        total += scaled[i][j];
      }
    }
    long n = 0;
    for (int c : labelCounts) {
      n += c;
    }
    if (total > 0) {
      for (double[] row : scaled) {
        for (int j = 0; j < k; j++) {
          row[j] = row[j] / total * n;
        }
      }
    }
    return RowRounding.roundRows(scaled);
  }
}

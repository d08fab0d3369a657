package org.databoost.analysis;

/**
 * Rounds real-valued counts to integers without changing a row's total, as cleanlab's {@code
 * round_preserving_row_totals} does: the calibrated joint must still count every example once.
 */
final class RowRounding {
  private RowRounding() {}

  static int[][] roundRows(double[][] matrix) {
    int[][] out = new int[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      out[i] = roundPreservingSum(matrix[i]);
    }
    return out;
  }

  /**
   * Rounds each value to the nearest integer, then moves the entries with the largest rounding
   * error by one until the integers add up to the rounded sum; ties go to the lower index.
   */
  static int[] roundPreservingSum(double[] values) {
    int n = values.length;
    int[] ints = new int[n];
    double sum = 0;
    long intSum = 0;
    for (int i = 0; i < n; i++) {
      ints[i] = (int) Math.round(values[i]);
      sum += values[i];
      intSum += ints[i];
    }
    long target = Math.round(sum);
    while (intSum != target) {
      int step = intSum < target ? 1 : -1;
      int best = -1;
      double bestError = 0;
      for (int i = 0; i < n; i++) {
        // The error we would repair by moving entry i one step in the needed direction.
        double error = step * (values[i] - ints[i]);
        if (best < 0 || error > bestError) {
          best = i;
          bestError = error;
        }
      }
      ints[best] += step;
      intSum += step;
    }
    return ints;
  }
}

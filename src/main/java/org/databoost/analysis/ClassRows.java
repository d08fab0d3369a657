package org.databoost.analysis;

/** Helpers for rows of per-class scores (probabilities or logits), one row per image. */
public final class ClassRows {
  private ClassRows() {}

  /** The index of the largest value; the first one on ties. */
  public static int argmax(float[] row) {
    int best = 0;
    for (int j = 1; j < row.length; j++) {
      if (row[j] > row[best]) {
        best = j;
      }
    }
    return best;
  }

  /** The element-wise mean of tables of the same shape (each row stays a distribution). */
  public static float[][] average(float[][]... tables) {
    if (tables.length == 0) {
      throw new IllegalArgumentException("nothing to average");
    }
    int n = tables[0].length;
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      int k = tables[0][i].length;
      out[i] = new float[k];
      for (float[][] t : tables) {
        if (t.length != n || t[i].length != k) {
          throw new IllegalArgumentException("the tables to average differ in shape");
        }
        for (int c = 0; c < k; c++) {
          out[i][c] += t[i][c] / tables.length;
        }
      }
    }
    return out;
  }

  /**
   * {@code (wa * a + wb * b) / (wa + wb)} for two rows of the same length; weights >= 0, not both
   * 0.
   */
  public static float[] weightedAverage(float[] a, double wa, float[] b, double wb) {
    if (a.length != b.length || !(wa >= 0) || !(wb >= 0) || !(wa + wb > 0)) {
      throw new IllegalArgumentException(
          "need rows of one length and weights >= 0 with a positive sum");
    }
    float[] out = new float[a.length];
    for (int c = 0; c < a.length; c++) {
      out[c] = (float) ((wa * a[c] + wb * b[c]) / (wa + wb));
    }
    return out;
  }
}

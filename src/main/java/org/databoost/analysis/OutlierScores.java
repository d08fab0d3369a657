package org.databoost.analysis;

/**
 * How far an image lies from its own kind: the mean cosine distance (1 - similarity) to its k
 * nearest neighbours among the images of the same split. High means unusual: a junk image, an odd
 * scan, a numeral drawn unlike the others.
 */
public final class OutlierScores {
  private OutlierScores() {}

  /**
   * @param similarities per image, the similarities of its nearest other images in its split, best
   *     first (NaN where there were fewer)
   * @param k how many neighbours to average over (fewer when the split is smaller)
   * @return the score per image; NaN for an image without any neighbour
   */
  public static double[] meanDistance(float[][] similarities, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    double[] out = new double[similarities.length];
    for (int i = 0; i < out.length; i++) {
      double sum = 0;
      int used = 0;
      for (int r = 0; r < Math.min(k, similarities[i].length); r++) {
        float s = similarities[i][r];
        if (!Float.isNaN(s)) {
          sum += 1 - s;
          used++;
        }
      }
      out[i] = used == 0 ? Double.NaN : sum / used;
    }
    return out;
  }
}

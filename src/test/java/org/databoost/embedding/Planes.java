package org.databoost.embedding;

/** Comparisons of glyph planes for the tests. */
final class Planes {
  private Planes() {}

  /** The cosine similarity of two planes of the same length. */
  static double cosine(float[] a, float[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return ab / Math.sqrt(aa * bb);
  }
}

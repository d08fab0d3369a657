package org.databoost.projection;

/**
 * A starting layout from a previous map, so that a recomputed map keeps its shape: points with a
 * previous position start there (the previous map scaled into the 10 x 10 box that the spectral
 * start uses), a new point starts at the weighted mean of its already placed graph neighbours, and
 * a point with none at the centre of the placed ones, nudged apart by a seeded jitter.
 */
final class StartLayout {
  /** Below this share of points with a previous position, a fresh spectral start is better. */
  static final double MIN_KNOWN = 0.5;

  private StartLayout() {}

  /**
   * @param start x, y per point; NaN where the point had no previous position
   * @return the starting embedding (x, y per point), or null when too few points are known
   */
  static float[] of(float[] start, FuzzyGraph g, long seed) {
    int n = g.n();
    if (start.length != 2 * n) {
      throw new IllegalArgumentException("start has " + start.length + " values, not 2 x " + n);
    }
    boolean[] placed = new boolean[n];
    int known = 0;
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      float x = start[2 * i];
      float y = start[2 * i + 1];
      if (Float.isFinite(x) && Float.isFinite(y)) {
        placed[i] = true;
        known++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
    if (known < MIN_KNOWN * n || known < 3) {
      return null;
    }
    double scale = 10 / Math.max(1e-9, Math.max(maxX - minX, maxY - minY));
    float[] emb = new float[2 * n];
    double cx = 0;
    double cy = 0;
    for (int i = 0; i < n; i++) {
      if (placed[i]) {
        emb[2 * i] = (float) ((start[2 * i] - minX) * scale);
        emb[2 * i + 1] = (float) ((start[2 * i + 1] - minY) * scale);
        cx += emb[2 * i];
        cy += emb[2 * i + 1];
      }
    }
    cx /= known;
    cy /= known;
    // New points: a few passes of neighbour means, so chains of new points are placed too.
    double[] sx = new double[n];
    double[] sy = new double[n];
    double[] sw = new double[n];
    for (int pass = 0; pass < 3 && known < n; pass++) {
      java.util.Arrays.fill(sx, 0);
      java.util.Arrays.fill(sy, 0);
      java.util.Arrays.fill(sw, 0);
      for (int e = 0; e < g.edges(); e++) {
        int a = g.from()[e];
        int b = g.to()[e];
        double w = g.weight()[e];
        if (placed[b] && !placed[a]) {
          sx[a] += w * emb[2 * b];
          sy[a] += w * emb[2 * b + 1];
          sw[a] += w;
        }
        if (placed[a] && !placed[b]) {
          sx[b] += w * emb[2 * a];
          sy[b] += w * emb[2 * a + 1];
          sw[b] += w;
        }
      }
      for (int i = 0; i < n; i++) {
        if (!placed[i] && sw[i] > 0) {
          emb[2 * i] = (float) (sx[i] / sw[i]);
          emb[2 * i + 1] = (float) (sy[i] / sw[i]);
          placed[i] = true;
          known++;
        }
      }
    }
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      // Jitter every new point a little, so that two placed at the same mean come apart.
      boolean fresh = !(Float.isFinite(start[2 * i]) && Float.isFinite(start[2 * i + 1]));
      if (!placed[i]) {
        emb[2 * i] = (float) cx;
        emb[2 * i + 1] = (float) cy;
      }
      if (fresh) {
        emb[2 * i] += (float) ((rnd.nextDouble() - 0.5) * 0.05);
        emb[2 * i + 1] += (float) ((rnd.nextDouble() - 0.5) * 0.05);
      }
    }
    return emb;
  }
}

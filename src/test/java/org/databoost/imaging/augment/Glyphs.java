package org.databoost.imaging.augment;

/**
 * Tiny generated fixtures: an "IV" drawn analytically (no Java2D, so the pixels are the same on
 * every JDK), at any size.
 */
final class Glyphs {
  private Glyphs() {}

  /** Stroke segments x0, y0, x1, y1 in fractions of the image side. */
  private static final double[][] IV = {
    {0.25, 0.2, 0.25, 0.8}, {0.45, 0.2, 0.6, 0.8}, {0.6, 0.8, 0.75, 0.2}, {0.2, 0.2, 0.3, 0.2}
  };

  /** An "IV" of pen width 6% of the side, antialiased over one pixel, on a {@code side}^2 plane. */
  static InkImage iv(int side) {
    float[] ink = new float[side * side];
    double halfPen = 0.03;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double px = (x + 0.5) / side;
        double py = (y + 0.5) / side;
        double d = Double.MAX_VALUE;
        for (double[] s : IV) {
          d = Math.min(d, distance(px, py, s));
        }
        double v = (halfPen - d) * side + 0.5;
        ink[y * side + x] = (float) Math.max(0, Math.min(1, v));
      }
    }
    return new InkImage(side, side, ink);
  }

  private static double distance(double px, double py, double[] s) {
    double dx = s[2] - s[0];
    double dy = s[3] - s[1];
    double t = ((px - s[0]) * dx + (py - s[1]) * dy) / (dx * dx + dy * dy);
    t = Math.max(0, Math.min(1, t));
    double ex = s[0] + t * dx - px;
    double ey = s[1] + t * dy - py;
    return Math.sqrt(ex * ex + ey * ey);
  }

  /** Mean absolute difference of two planes of the same size. */
  static double meanAbsDiff(InkImage a, InkImage b) {
    if (a.width() != b.width() || a.height() != b.height()) {
      throw new IllegalArgumentException("sizes differ");
    }
    double sum = 0;
    for (int i = 0; i < a.ink().length; i++) {
      sum += Math.abs(a.ink()[i] - b.ink()[i]);
    }
    return sum / a.ink().length;
  }
}

package org.databoost.imaging.augment;

/**
 * Resizes a plane by exact area averaging: each output pixel is the mean of the source area it
 * covers, fractional pixels weighted by coverage, so thin strokes survive shrinking a 250-pixel
 * glyph to 64 pixels. The same rule as {@code embedding.AreaResampler}, copied because imaging must
 * not depend on embedding.
 */
final class AreaAverage {
  private AreaAverage() {}

  /** {@code plane} ({@code width x height}) squeezed into {@code outWidth x outHeight}. */
  static float[] resize(float[] plane, int width, int height, int outWidth, int outHeight) {
    double[] sums = summedArea(plane, width, height);
    float[] out = new float[outWidth * outHeight];
    double sx = (double) width / outWidth;
    double sy = (double) height / outHeight;
    for (int v = 0; v < outHeight; v++) {
      for (int u = 0; u < outWidth; u++) {
        double x0 = u * sx;
        double y0 = v * sy;
        double x1 = (u + 1) * sx;
        double y1 = (v + 1) * sy;
        double s =
            sumTo(sums, width, height, x1, y1)
                - sumTo(sums, width, height, x0, y1)
                - sumTo(sums, width, height, x1, y0)
                + sumTo(sums, width, height, x0, y0);
        out[v * outWidth + u] = (float) (s / ((x1 - x0) * (y1 - y0)));
      }
    }
    return out;
  }

  private static double[] summedArea(float[] plane, int width, int height) {
    double[] sums = new double[(width + 1) * (height + 1)];
    for (int y = 0; y < height; y++) {
      double row = 0;
      for (int x = 0; x < width; x++) {
        row += plane[y * width + x];
        sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + row;
      }
    }
    return sums;
  }

  /** The sum over [0, x) x [0, y) for fractional corners (bilinear in the table). */
  private static double sumTo(double[] sums, int width, int height, double x, double y) {
    x = Math.max(0, Math.min(width, x));
    y = Math.max(0, Math.min(height, y));
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    int x1 = Math.min(width, x0 + 1);
    int y1 = Math.min(height, y0 + 1);
    double fx = x - x0;
    double fy = y - y0;
    double a = sums[y0 * (width + 1) + x0];
    double b = sums[y0 * (width + 1) + x1];
    double c = sums[y1 * (width + 1) + x0];
    double d = sums[y1 * (width + 1) + x1];
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
  }
}

package org.databoost.imaging.augment;

/** A small separable Gaussian blur; outside the plane counts as paper. */
final class GaussianBlur {
  /** Kernel half-width in sigmas. */
  private static final double REACH = 2.5;

  private GaussianBlur() {}

  /** The scratch kernel length {@link #apply} needs for {@code sigma}. */
  static int kernelLength(double sigma) {
    return radius(sigma) + 1;
  }

  private static int radius(double sigma) {
    return Math.max(1, (int) Math.ceil(REACH * sigma));
  }

  /**
   * Blurs {@code plane} in place with a Gaussian of {@code sigma} pixels; {@code tmp} holds at
   * least {@code w h} floats and {@code kernel} at least {@link #kernelLength} floats.
   */
  static void apply(float[] plane, int w, int h, double sigma, float[] tmp, float[] kernel) {
    int r = radius(sigma);
    double sum = 0;
    for (int d = 0; d <= r; d++) {
      double g = StrictMath.exp(-(d * d) / (2 * sigma * sigma));
      kernel[d] = (float) g;
      sum += d == 0 ? g : 2 * g;
    }
    for (int d = 0; d <= r; d++) {
      kernel[d] = (float) (kernel[d] / sum);
    }
    float k0 = kernel[0];
    for (int y = 0; y < h; y++) {
      int base = y * w;
      for (int x = 0; x < w; x++) {
        float acc = k0 * plane[base + x];
        for (int d = 1; d <= r; d++) {
          float left = x - d >= 0 ? plane[base + x - d] : 0;
          float right = x + d < w ? plane[base + x + d] : 0;
          acc += kernel[d] * (left + right);
        }
        tmp[base + x] = acc;
      }
    }
    for (int y = 0; y < h; y++) {
      int base = y * w;
      for (int x = 0; x < w; x++) {
        plane[base + x] = k0 * tmp[base + x];
      }
      for (int d = 1; d <= r; d++) {
        float kd = kernel[d];
        int above = (y - d) * w;
        int below = (y + d) * w;
        boolean hasAbove = y - d >= 0;
        boolean hasBelow = y + d < h;
        for (int x = 0; x < w; x++) {
          float a = hasAbove ? tmp[above + x] : 0;
          float b = hasBelow ? tmp[below + x] : 0;
          plane[base + x] += kd * (a + b);
        }
      }
    }
  }
}

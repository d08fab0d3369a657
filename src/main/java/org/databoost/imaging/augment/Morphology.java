package org.databoost.imaging.augment;

/**
 * Stroke thickening and thinning: grey dilation (3x3 max) or erosion (3x3 min), separable. A
 * fractional amount blends the last pass with its input, so a 64-pixel plane can gain half a pixel
 * of stroke and a 256-pixel plane the matching two pixels.
 */
final class Morphology {
  private Morphology() {}

  /**
   * Changes the strokes of {@code plane} in place by {@code amount} pixels (+ thicker, - thinner);
   * {@code tmp} holds at least {@code w h} floats.
   */
  static void apply(float[] plane, int w, int h, double amount, float[] tmp) {
    boolean dilate = amount > 0;
    double r = Math.abs(amount);
    int full = (int) r;
    float part = (float) (r - full);
    for (int p = 0; p < full; p++) {
      pass(plane, w, h, dilate, 1f, tmp);
    }
    if (part > 0) {
      pass(plane, w, h, dilate, part, tmp);
    }
  }

  private static void pass(float[] plane, int w, int h, boolean dilate, float weight, float[] tmp) {
    for (int y = 0; y < h; y++) {
      int base = y * w;
      for (int x = 0; x < w; x++) {
        float l = plane[base + Math.max(x - 1, 0)];
        float c = plane[base + x];
        float r = plane[base + Math.min(x + 1, w - 1)];
        tmp[base + x] = dilate ? max(max(l, c), r) : min(min(l, c), r);
      }
    }
    for (int y = 0; y < h; y++) {
      int base = y * w;
      int up = Math.max(y - 1, 0) * w;
      int down = Math.min(y + 1, h - 1) * w;
      for (int x = 0; x < w; x++) {
        float u = tmp[up + x];
        float c = tmp[base + x];
        float d = tmp[down + x];
        float m = dilate ? max(max(u, c), d) : min(min(u, c), d);
        float old = plane[base + x];
        plane[base + x] = weight == 1f ? m : old + weight * (m - old);
      }
    }
  }

  // Plain comparisons: ink is never NaN or -0, and Math.max's special cases cost a branch each.
  private static float max(float a, float b) {
    return a >= b ? a : b;
  }

  private static float min(float a, float b) {
    return a <= b ? a : b;
  }
}

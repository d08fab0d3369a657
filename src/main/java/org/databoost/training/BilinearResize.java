package org.databoost.training;

/**
 * Bilinear resizing as Keras does it ({@code tf.image.resize}, bilinear, half-pixel centres, no
 * antialiasing, no aspect preservation), which is also PyTorch's {@code F.interpolate(...,
 * mode="bilinear", align_corners=False)}: output pixel {@code x} samples the source at {@code (x +
 * 0.5) * in / out - 0.5}, clamped at 0, between its two neighbours. Shrinking by a large factor
 * therefore skips source pixels rather than averaging them, exactly like the competition's model.
 */
final class BilinearResize {
  private BilinearResize() {}

  /**
   * Resizes one plane of {@code width x height} values (row-major) to {@code outWidth x outHeight}.
   */
  static float[] resize(float[] plane, int width, int height, int outWidth, int outHeight) {
    if (plane.length != width * height) {
      throw new IllegalArgumentException(
          "plane has " + plane.length + " values, not " + width + "x" + height);
    }
    Axis xs = new Axis(width, outWidth);
    Axis ys = new Axis(height, outHeight);
    float[] out = new float[outWidth * outHeight];
    for (int oy = 0; oy < outHeight; oy++) {
      int row0 = ys.lower[oy] * width;
      int row1 = ys.upper[oy] * width;
      float wy1 = ys.weight[oy];
      float wy0 = 1f - wy1;
      for (int ox = 0; ox < outWidth; ox++) {
        int x0 = xs.lower[ox];
        int x1 = xs.upper[ox];
        float wx1 = xs.weight[ox];
        float wx0 = 1f - wx1;
        float top = wx0 * plane[row0 + x0] + wx1 * plane[row0 + x1];
        float bottom = wx0 * plane[row1 + x0] + wx1 * plane[row1 + x1];
        out[oy * outWidth + ox] = wy0 * top + wy1 * bottom;
      }
    }
    return out;
  }

  /** Source neighbours and interpolation weight of every output coordinate along one axis. */
  private static final class Axis {
    final int[] lower;
    final int[] upper;
    final float[] weight;

    Axis(int in, int out) {
      lower = new int[out];
      upper = new int[out];
      weight = new float[out];
      // Float arithmetic, as PyTorch's CPU kernel does, so that values match to the last bits.
      float scale = (float) in / out;
      for (int o = 0; o < out; o++) {
        float src = Math.max(0f, scale * (o + 0.5f) - 0.5f);
        int lo = Math.min((int) src, in - 1);
        lower[o] = lo;
        upper[o] = Math.min(lo + 1, in - 1);
        weight[o] = src - lo;
      }
    }
  }
}

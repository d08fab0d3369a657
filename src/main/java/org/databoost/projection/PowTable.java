package org.databoost.projection;

/**
 * {@code x^b} for one fixed {@code b} by table: the top 16 bits of {@code x}'s float pattern (sign,
 * exponent, 7 mantissa bits) pick a bucket, the low 16 bits interpolate linearly inside it
 * (relative error about 1e-6). The SGD evaluates {@code d^(2b)} six times per edge sample; this is
 * cheaper than {@code Math.pow} and far more accurate than the gradients need.
 */
final class PowTable {
  private static final int BUCKETS = 1 << 15; // positive floats only
  private final double b;
  private final float[] table = new float[BUCKETS + 1];

  PowTable(double b) {
    this.b = b;
    for (int i = 0; i <= BUCKETS; i++) {
      float x = Float.intBitsToFloat(i << 16);
      table[i] = Float.isFinite(x) ? (float) Math.pow(x, b) : Float.POSITIVE_INFINITY;
    }
  }

  /** {@code x^b} for {@code x >= 0}. */
  double pow(double x) {
    if (!(x < 1e30)) {
      return Math.pow(x, b);
    }
    int bits = Float.floatToRawIntBits((float) x);
    int i = bits >>> 16;
    float lo = table[i];
    return lo + (bits & 0xFFFF) * (1f / 65536f) * (table[i + 1] - lo);
  }
}

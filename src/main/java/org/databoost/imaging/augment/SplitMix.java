package org.databoost.imaging.augment;

/**
 * SplitMix64 (Steele, Lea and Flood 2014), written out here rather than borrowed from {@link
 * java.util.SplittableRandom} so that the numbers an augmentation seed yields are fixed by this
 * file, whatever the JDK: a pool candidate must regenerate bit-identically years later.
 */
final class SplitMix {
  static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private long state;

  SplitMix(long seed) {
    state = seed;
  }

  long nextLong() {
    state += GOLDEN;
    return mix64(state);
  }

  /** Uniform in [0, 1), 53 bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [-1, 1). */
  double nextSigned() {
    return 2 * nextDouble() - 1;
  }

  /** The SplitMix64 finaliser: a bijection of 64-bit values with full avalanche. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

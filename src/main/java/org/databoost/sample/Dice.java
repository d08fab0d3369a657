package org.databoost.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random draws of one image. Gaussians come from our own Box-Muller so the output does not
 * depend on how a JDK implements {@code nextGaussian}.
 */
final class Dice {
  private final SplittableRandom random;

  Dice(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A seed mixed from several numbers (SplitMix64 finaliser), for independent streams. */
  static long mix(long... parts) {
    long h = 0x9E3779B97F4A7C15L;
    for (long p : parts) {
      h ^= p;
      h *= 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
      h *= 0x94D049BB133111EBL;
      h ^= h >>> 29;
    }
    return h;
  }

  double uniform(double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  int between(int from, int toInclusive) {
    return random.nextInt(from, toInclusive + 1);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** A normal draw with the given mean and standard deviation. */
  double gauss(double mean, double sd) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return mean + sd * Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }
}

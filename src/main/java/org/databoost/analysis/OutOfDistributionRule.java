package org.databoost.analysis;

import java.util.Arrays;

/**
 * Decides that an image belongs to no class at all (in our data: "not a numeral"), as opposed to
 * belonging to a class other than its label.
 *
 * <p>An image is flagged when all three hold:
 *
 * <ol>
 *   <li>its largest class probability is below the smallest per-class threshold {@code t_j} (the
 *       mean self-confidence of the classes present): the model is less sure of its best guess than
 *       it is, on average, of the images of its least certain class;
 *   <li>its perplexity {@code exp(H)} (the entropy H of its probabilities in nats) is at least
 *       {@code minPerplexityFraction · K}: with the default 0.5 the belief is spread as if over
 *       half the classes or more. This keeps images torn between two or three classes (a smudged
 *       "ii" that may be "iii") out: those are label questions, not junk;
 *   <li>its entropy is an outlier for this dataset: its normalised entropy {@code H / ln K} is
 *       above {@code Q3 + iqrMultiplier · (Q3 - Q1)} of those of all images (Tukey's fence; 1.5 by
 *       default). An under-confident model is unsure about many images, and being as unsure as many
 *       others is no sign of junk.
 * </ol>
 *
 * On a simulated over-confident model (94% accurate, see the tests) this finds all flat-Dirichlet
 * junk images while flagging about 1% of the real ones; confidence alone cannot tell junk from a
 * genuinely hard image, so treat the flag as a pointer for review.
 *
 * @param minPerplexityFraction in [0, 1]
 * @param iqrMultiplier ≥ 0
 */
public record OutOfDistributionRule(double minPerplexityFraction, double iqrMultiplier) {

  /** Perplexity of at least K/2 and beyond Tukey's 1.5 IQR fence. */
  public static final OutOfDistributionRule DEFAULT = new OutOfDistributionRule(0.5, 1.5);

  public OutOfDistributionRule {
    if (!(minPerplexityFraction >= 0 && minPerplexityFraction <= 1)) {
      throw new IllegalArgumentException(
          "minPerplexityFraction must be in [0, 1], got " + minPerplexityFraction);
    }
    if (!(iqrMultiplier >= 0)) {
      throw new IllegalArgumentException("iqrMultiplier must be >= 0, got " + iqrMultiplier);
    }
  }

  /**
   * The images that fit no class; {@code thresholds} may hold NaN for classes without images, and
   * when all are NaN nothing is flagged.
   */
  boolean[] flag(float[][] probabilities, double[] entropies, double[] thresholds) {
    double lowestThreshold = Double.NaN;
    for (double t : thresholds) {
      if (!Double.isNaN(t) && !(t >= lowestThreshold)) {
        lowestThreshold = t;
      }
    }
    int k = thresholds.length;
    // exp(H) >= f·K  <=>  H / ln K >= ln(f·K) / ln K; with one class every image fits it.
    double floor =
        k < 2 ? Double.POSITIVE_INFINITY : Math.log(minPerplexityFraction * k) / Math.log(k);
    double cutoff = Math.max(floor, tukeyFence(entropies));
    boolean[] flags = new boolean[probabilities.length];
    for (int x = 0; x < probabilities.length; x++) {
      float max = probabilities[x][ClassRows.argmax(probabilities[x])];
      // Comparisons with NaN are false: no threshold, no flag.
      flags[x] = max < lowestThreshold && entropies[x] >= cutoff;
    }
    return flags;
  }

  private double tukeyFence(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double q1 = quantile(sorted, 0.25);
    double q3 = quantile(sorted, 0.75);
    return q3 + iqrMultiplier * (q3 - q1);
  }

  /** Linear interpolation between closest ranks (numpy's default). */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Entropy of the probabilities divided by ln K: 0 for a one-hot row, 1 for a uniform one. */
  static double normalizedEntropy(float[] probabilities) {
    int k = probabilities.length;
    if (k < 2) {
      return 0;
    }
    double sum = 0;
    for (float p : probabilities) {
      sum += p;
    }
    double h = 0;
    for (float p : probabilities) {
      if (p > 0) {
        double q = p / sum;
        h -= q * Math.log(q);
      }
    }
    return Math.min(1, h / Math.log(k));
  }
}

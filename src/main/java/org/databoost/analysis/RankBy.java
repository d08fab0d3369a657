package org.databoost.analysis;

/**
 * Label quality scores in [0, 1]; lower means the given label is more likely wrong. These are
 * cleanlab's {@code get_label_quality_scores} methods without probability adjustment.
 */
public enum RankBy {
  /** The predicted probability of the given label. */
  SELF_CONFIDENCE {
    @Override
    double score(float[] probabilities, int given) {
      return clamp(probabilities[given]);
    }
  },
  /**
   * The margin between the given label and the most likely other label, {@code p_given - max_{k ≠
   * given} p_k}, mapped from [-1, 1] to [0, 1].
   */
  NORMALIZED_MARGIN {
    @Override
    double score(float[] probabilities, int given) {
      double bestOther = 0;
      for (int k = 0; k < probabilities.length; k++) {
        if (k != given) {
          bestOther = Math.max(bestOther, probabilities[k]);
        }
      }
      return clamp((probabilities[given] - bestOther + 1) / 2);
    }
  };

  abstract double score(float[] probabilities, int given);

  // Rows that sum to slightly more than 1 in float must not leave the documented range.
  private static double clamp(double v) {
    return Math.min(1, Math.max(0, v));
  }
}

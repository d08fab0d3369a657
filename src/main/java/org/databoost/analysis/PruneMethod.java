package org.databoost.analysis;

/**
 * How confident learning decides which examples to flag, following the options of cleanlab's {@code
 * find_label_issues(filter_by=...)} and section 3.2 of Northcutt et al. (JAIR 2021).
 */
public enum PruneMethod {
  /**
   * For each given class i and each other class j, flag the {@code n·Q[i][j]} examples labelled i
   * with the largest margin {@code p_j - p_i} (the paper's "prune by noise rate"; cleanlab's
   * default).
   */
  PRUNE_BY_NOISE_RATE,
  /**
   * For each given class i, flag the {@code n·Σ_{j≠i} Q[i][j]} examples labelled i with the lowest
   * self-confidence {@code p_i}.
   */
  PRUNE_BY_CLASS,
  /** Flag only examples that both {@link #PRUNE_BY_NOISE_RATE} and {@link #PRUNE_BY_CLASS} flag. */
  BOTH,
  /** Flag the examples counted off the diagonal of the confident joint. */
  CONFIDENT_LEARNING
}

package org.databoost.analysis;

import java.util.Objects;

/**
 * Settings of {@link LabelIssueFinder}.
 *
 * @param pruneMethod which examples count as label errors
 * @param rankBy the label quality score reported and used for ranking
 * @param minExamplesPerClass never flag examples of a given class that has this many examples or
 *     fewer, and keep at least this many examples of each class unflagged (cleanlab's {@code
 *     min_examples_per_class})
 * @param outOfDistribution the rule for images that fit no class
 */
public record LabelIssueOptions(
    PruneMethod pruneMethod,
    RankBy rankBy,
    int minExamplesPerClass,
    OutOfDistributionRule outOfDistribution) {

  public LabelIssueOptions {
    Objects.requireNonNull(pruneMethod, "pruneMethod");
    Objects.requireNonNull(rankBy, "rankBy");
    Objects.requireNonNull(outOfDistribution, "outOfDistribution");
    if (minExamplesPerClass < 0) {
      throw new IllegalArgumentException(
          "minExamplesPerClass must be >= 0, got " + minExamplesPerClass);
    }
  }

  /** Cleanlab's defaults: prune by noise rate, self-confidence, at least one example per class. */
  public static LabelIssueOptions defaults() {
    return new LabelIssueOptions(
        PruneMethod.PRUNE_BY_NOISE_RATE, RankBy.SELF_CONFIDENCE, 1, OutOfDistributionRule.DEFAULT);
  }

  public LabelIssueOptions withPruneMethod(PruneMethod method) {
    return new LabelIssueOptions(method, rankBy, minExamplesPerClass, outOfDistribution);
  }

  public LabelIssueOptions withRankBy(RankBy rank) {
    return new LabelIssueOptions(pruneMethod, rank, minExamplesPerClass, outOfDistribution);
  }
}

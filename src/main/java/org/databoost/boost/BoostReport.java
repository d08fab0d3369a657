package org.databoost.boost;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The outcome of a Boost run.
 *
 * @param options what was asked
 * @param baselineRunId the run the first round started from
 * @param baselineTrained whether that run was trained by this Boost (false: the latest run fitted)
 * @param resplitMoved images moved between train and val by the re-split (0 without one)
 * @param valBaseline validation accuracy before any round
 * @param labelBookBaseline label-book accuracy before any round
 * @param pool size and timings of the candidate pool (zero timings when boosting from a corpus)
 * @param corpus the corpus the candidates came from; empty: the augmentation pool
 * @param queued corpus images left in the review queue by the last round
 * @param rounds every round run, kept or undone
 * @param stopReason why boosting stopped
 * @param totalSeconds wall time of everything
 */
public record BoostReport(
    BoostOptions options,
    long baselineRunId,
    boolean baselineTrained,
    int resplitMoved,
    double valBaseline,
    OptionalDouble labelBookBaseline,
    int poolSize,
    CandidatePool.PoolTimings pool,
    String corpus,
    int queued,
    List<RoundReport> rounds,
    String stopReason,
    double totalSeconds) {

  /** Images added by the rounds that were kept. */
  public int keptImages() {
    return rounds.stream().filter(RoundReport::kept).mapToInt(RoundReport::added).sum();
  }

  /** Validation accuracy after the last kept round (the baseline when none was kept). */
  public double valFinal() {
    double v = valBaseline;
    for (RoundReport r : rounds) {
      if (r.kept()) {
        v = r.valAfter();
      }
    }
    return v;
  }
}

package org.databoost.app.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a job's stage reports to the done fraction of the whole job, so that one bar and one time
 * estimate cover it from start to end instead of restarting with every stage.
 */
@FunctionalInterface
public interface OverallProgress {
  /**
   * The whole job's done fraction at this report, or NaN when this job cannot tell (the bar then
   * shows the stage's own fraction and says so).
   */
  double of(String stage, double stageFraction);

  /** Knows nothing of the job: every stage is its own progress. */
  OverallProgress PER_STAGE = (stage, f) -> Double.NaN;

  /**
   * An evaluation: {@code models} models one after another (the main one, then the folds), each
   * reporting "train epoch e/E" steps, optionally prefixed "fold i/k: ". Epochs are the stopping
   * limit, so with early stopping the estimate errs long. Stages before the first epoch count as 0,
   * those after (predicting, judging) as the last fraction reached.
   */
  static OverallProgress training(int models) {
    Pattern fold = Pattern.compile("fold (\\d+)/(\\d+)");
    Pattern epoch = Pattern.compile("epoch (\\d+)/(\\d+)");
    return (stage, f) -> {
      Matcher e = epoch.matcher(stage);
      if (!e.find()) {
        return stage.startsWith("decode") || stage.startsWith("Scanning") ? 0 : -1;
      }
      Matcher m = fold.matcher(stage);
      int model = m.find() ? Integer.parseInt(m.group(1)) : 0;
      double epochs = Math.max(1, Integer.parseInt(e.group(2)));
      double within = (Integer.parseInt(e.group(1)) - 1 + Math.max(0, f)) / epochs;
      return Math.min(1, (Math.min(model, models - 1) + within) / Math.max(1, models));
    };
  }
}

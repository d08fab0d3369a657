package org.databoost.app.runs;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.databoost.training.TrainingConfig;

/**
 * How long an evaluation will take, before it starts: the main model plus one model per fold (each
 * on (k-1)/k of the training images), epochs times images times the seconds one image takes per
 * epoch, divided by the models trained at once. That pace comes from the newest run of the same
 * batch size in this dataset when there is one (its epochs' seconds), else from what
 * docs/training.md measured on one thread.
 */
public final class EvaluateEstimate {
  /** Seconds per training image and epoch on one thread: batch 32 (quick) and batch 8. */
  static final double PACE_BATCH_32 = 0.0017;

  static final double PACE_BATCH_8 = 0.0022;

  private EvaluateEstimate() {}

  /** The estimate in seconds. */
  public static double seconds(TrainingConfig c, int trainImages, OptionalDouble measuredPace) {
    double pace =
        measuredPace.orElse(
            (c.batchSize() >= 32 ? PACE_BATCH_32 : PACE_BATCH_8)
                / Math.max(1, Math.pow(c.threads(), 0.6)));
    double models = 1 + (c.folds() < 2 ? 0 : c.folds() * (c.folds() - 1.0) / c.folds());
    // The quick preset stops early: its models ran about two thirds of their epochs here.
    double epochs = c.patience() > 0 ? Math.max(1, c.epochs() * 2.0 / 3) : c.epochs();
    // With several jobs the folds train in worker processes beside the main model.
    double atOnce = c.folds() < 2 ? 1 : Math.max(1, Math.min(c.jobs(), c.folds() + 1));
    return models * epochs * trainImages * pace / atOnce;
  }

  /**
   * The pace of a run's main model: mean seconds per epoch over the images it trained on.
   *
   * @param epochs "epoch,loss,val_accuracy,seconds" lines after a header
   */
  public static OptionalDouble pace(List<String> epochs, int trainImages) {
    double sum = 0;
    int n = 0;
    for (String line : epochs.subList(Math.min(1, epochs.size()), epochs.size())) {
      String[] f = line.split(",");
      if (f.length >= 4) {
        try {
          sum += Double.parseDouble(f[3]);
          n++;
        } catch (NumberFormatException e) {
          // a line from another format: not a pace
        }
      }
    }
    return n == 0 || trainImages == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(sum / n / trainImages);
  }

  /** "about 4 min", "about 40 s", "about 1.5 h". */
  public static String words(double seconds) {
    if (seconds < 60) {
      return "about " + Math.max(5, Math.round(seconds / 5) * 5) + " s";
    }
    if (seconds < 3600) {
      return "about " + Math.round(seconds / 60) + " min";
    }
    return String.format(Locale.ROOT, "about %.1f h", seconds / 3600);
  }
}

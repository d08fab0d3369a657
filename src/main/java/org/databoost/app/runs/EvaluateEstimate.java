package org.databoost.app.runs;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.databoost.training.TrainingConfig;

/**
 * How long an evaluation will take, before it starts: the main model plus one model per fold (each
 * on (k-1)/k of the training images), epochs times images times the seconds one image takes per
 * epoch, divided by the models trained at once, plus the part that is not training (scan, glyph
 * embeddings, judging). That pace comes from the newest run of the same batch size in this dataset
 * when there is one (its epochs' seconds), else from what docs/training.md measured on one thread.
 *
 * <p>Calibrated on the measured runs of docs/training.md ("Parallel cross-validation: measured",
 * the competition data, quick preset, 5 folds): 651 s with one job, 405 s with two; the main model
 * alone took 130 s for 27 epochs of 2,067 images (0.0023 s an image and epoch, its validation
 * included), the models stopped early after 24-29 of their 30 epochs, two training processes slowed
 * each other by about 16%, and about 30 s of the run were not training.
 */
public final class EvaluateEstimate {
  /** Seconds per training image and epoch on one thread: batch 32 (quick) and batch 8. */
  static final double PACE_BATCH_32 = 0.0023;

  static final double PACE_BATCH_8 = 0.0022;

  /** The share of its epochs a model with early stopping runs (24-29 of 30 measured). */
  static final double EARLY_STOP_SHARE = 0.85;

  /** How much slower each model trains beside another training process (measured: 16%). */
  static final double SIDE_BY_SIDE = 1.16;

  /** Seconds of an evaluation that are not training: scan, glyph embeddings, judging. */
  static final double NOT_TRAINING_SECONDS = 30;

  private EvaluateEstimate() {}

  /** The estimate in seconds. */
  public static double seconds(TrainingConfig c, int trainImages, OptionalDouble measuredPace) {
    double pace =
        measuredPace.orElse(
            (c.batchSize() >= 32 ? PACE_BATCH_32 : PACE_BATCH_8)
                / Math.max(1, Math.pow(c.threads(), 0.6)));
    double models = 1 + (c.folds() < 2 ? 0 : c.folds() * (c.folds() - 1.0) / c.folds());
    double epochs = c.patience() > 0 ? Math.max(1, c.epochs() * EARLY_STOP_SHARE) : c.epochs();
    // With several jobs the folds train in worker processes beside the main model, each a little
    // slower for sharing the machine.
    double atOnce = c.folds() < 2 ? 1 : Math.max(1, Math.min(c.jobs(), c.folds() + 1));
    double sideBySide = atOnce > 1 ? SIDE_BY_SIDE : 1;
    return models * epochs * trainImages * pace * sideBySide / atOnce + NOT_TRAINING_SECONDS;
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

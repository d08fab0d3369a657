package org.databoost.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.databoost.analysis.ClassRows;
import org.databoost.analysis.ImageVerdict;
import org.databoost.analysis.LabelIssueFinder;
import org.databoost.analysis.LabelIssues;
import org.databoost.dataset.Split;
import org.databoost.training.ImagePrediction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs confident learning over the predictions of the editable splits (train and val), whose labels
 * a user fixes; test and label-book images are references and are never flagged.
 */
public final class LabelIssueFlags {
  private static final Logger LOG = LoggerFactory.getLogger(LabelIssueFlags.class);

  /** A flag of one image. */
  public record Flag(String issue, int suggested, float quality) {
    static final Flag NONE_FOR_GIVEN = new Flag("", -1, 1f);
  }

  public static final String LABEL_ERROR = "label error";
  static final String NOT_A_NUMERAL = "not a numeral";

  private LabelIssueFlags() {}

  /**
   * A model this close to chance has learned nothing to judge labels by: confident learning would
   * then flag most images. Below this many times the chance accuracy, nothing is flagged.
   */
  static final double MIN_ACCURACY_OVER_CHANCE = 1.5;

  /**
   * The flag of every image id that confident learning examined; empty when the model is too close
   * to chance for its flags to mean anything.
   */
  public static Map<String, Flag> find(List<ImagePrediction> predictions) {
    return find(predictions, Map.of());
  }

  /**
   * {@link #find(List)} on the model's rows mixed with a second judge's rows where it has one for
   * the image ({@link EmbeddingJudge}; keyed by image id). The mixture weight is fitted to the data
   * ({@link #modelShare}): a model trained on few or noisy labels counts for little, a strong one
   * for more.
   */
  public static Map<String, Flag> find(
      List<ImagePrediction> predictions, Map<String, float[]> judge) {
    List<ImagePrediction> examined = new ArrayList<>();
    for (ImagePrediction p : predictions) {
      if (p.split() == Split.TRAIN || p.split() == Split.VAL) {
        examined.add(p);
      }
    }
    Map<String, Flag> flags = new HashMap<>();
    if (examined.isEmpty() || !learnedSomething(examined)) {
      return flags;
    }
    double share = modelShare(examined, judge);
    float[][] probs = new float[examined.size()][];
    int[] given = new int[examined.size()];
    for (int i = 0; i < examined.size(); i++) {
      float[] model = examined.get(i).probabilities();
      float[] second = judge.get(examined.get(i).id());
      probs[i] =
          second == null || second.length != model.length
              ? model
              : ClassRows.weightedAverage(model, share, second, 1 - share);
      given[i] = examined.get(i).givenIndex();
    }
    LabelIssues issues = new LabelIssueFinder().find(probs, given);
    for (ImageVerdict v : issues.images()) {
      String issue = v.outOfDistribution() ? NOT_A_NUMERAL : v.labelError() ? LABEL_ERROR : "";
      flags.put(
          examined.get(v.index()).id(),
          new Flag(issue, v.suggestedLabel(), (float) v.qualityScore()));
    }
    return flags;
  }

  /**
   * {@link #modelShare(float[][], float[][], int[])} fitted on the images that have both rows and
   * whose model row is out of sample. In-sample rows (training images predicted by the model that
   * trained on them, {@code --folds 0}) would give the model nearly all the weight, so they are
   * left out of the fit as long as any out-of-sample row (val) is there.
   */
  static double modelShare(List<ImagePrediction> examined, Map<String, float[]> judge) {
    List<float[]> model = new ArrayList<>();
    List<float[]> second = new ArrayList<>();
    List<Integer> given = new ArrayList<>();
    boolean anyOutOfSample =
        examined.stream().anyMatch(p -> !p.inSample() && judge.containsKey(p.id()));
    for (ImagePrediction p : examined) {
      float[] row = judge.get(p.id());
      if (row != null
          && row.length == p.probabilities().length
          && !(anyOutOfSample && p.inSample())) {
        model.add(p.probabilities());
        second.add(row);
        given.add(p.givenIndex());
      }
    }
    double share =
        modelShare(
            model.toArray(float[][]::new),
            second.toArray(float[][]::new),
            given.stream().mapToInt(Integer::intValue).toArray());
    if (!model.isEmpty()) {
      LOG.info(
          "label issues: the model's rows weigh {} and the glyph judge's {} (fitted on {} images)",
          String.format(Locale.ROOT, "%.2f", share),
          String.format(Locale.ROOT, "%.2f", 1 - share),
          model.size());
    }
    return share;
  }

  /**
   * The model's share w in [0, 1] (to 0.01) of the mixture {@code w * model + (1 - w) * judge}
   * under which the given labels are most likely: the maximum of the mean log-probability of each
   * given label. Both kinds of rows are out of sample (cross-validated model, leave-one-out judge),
   * so this is a held-out fit, and the log-likelihood is concave in w. With 10% of the real
   * training labels flipped it gives the quick model about 0.05, and the flags beat both the judge
   * alone and weights from accuracy (docs/label-errors.md). 0.5 when there is nothing to fit on.
   */
  static double modelShare(float[][] model, float[][] judge, int[] given) {
    if (given.length == 0) {
      return 0.5;
    }
    double bestShare = 0.5;
    double best = Double.NEGATIVE_INFINITY;
    for (int step = 0; step <= SHARE_STEPS; step++) {
      double w = (double) step / SHARE_STEPS;
      double logLikelihood = 0;
      for (int i = 0; i < given.length; i++) {
        double p = w * model[i][given[i]] + (1 - w) * judge[i][given[i]];
        logLikelihood += Math.log(Math.max(p, MIN_PROBABILITY));
      }
      if (logLikelihood > best) {
        best = logLikelihood;
        bestShare = w;
      }
    }
    return bestShare;
  }

  private static final int SHARE_STEPS = 100;
  private static final double MIN_PROBABILITY = 1e-9;

  static boolean learnedSomething(List<ImagePrediction> examined) {
    long correct = examined.stream().filter(ImagePrediction::correct).count();
    int classes = examined.get(0).probabilities().length;
    return (double) correct / examined.size() >= MIN_ACCURACY_OVER_CHANCE / classes;
  }
}

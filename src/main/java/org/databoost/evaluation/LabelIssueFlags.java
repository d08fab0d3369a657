package org.databoost.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.databoost.analysis.ClassRows;
import org.databoost.analysis.ImageVerdict;
import org.databoost.analysis.LabelIssueFinder;
import org.databoost.analysis.LabelIssues;
import org.databoost.dataset.Split;
import org.databoost.training.ImagePrediction;

/**
 * Runs confident learning over the predictions of the editable splits (train and val), whose labels
 * a user fixes; test and label-book images are references and are never flagged.
 */
final class LabelIssueFlags {
  /** A flag of one image. */
  record Flag(String issue, int suggested, float quality) {
    static final Flag NONE_FOR_GIVEN = new Flag("", -1, 1f);
  }

  static final String LABEL_ERROR = "label error";
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
  static Map<String, Flag> find(List<ImagePrediction> predictions) {
    return find(predictions, Map.of());
  }

  /**
   * {@link #find(List)} on the model's rows averaged with a second judge's rows where it has one
   * for the image ({@link EmbeddingJudge}; keyed by image id). The average is weighted as
   * cleanlab's ensembles are: each judge by its accuracy against the given labels, here above
   * chance ({@link #weight}), so the weaker of the two counts for less.
   */
  static Map<String, Flag> find(List<ImagePrediction> predictions, Map<String, float[]> judge) {
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
    float[][] probs = new float[examined.size()][];
    int[] given = new int[examined.size()];
    int judged = 0;
    int modelRight = 0;
    int judgeRight = 0;
    for (ImagePrediction p : examined) {
      float[] second = judge.get(p.id());
      if (second != null && second.length == p.probabilities().length) {
        judged++;
        modelRight += ClassRows.argmax(p.probabilities()) == p.givenIndex() ? 1 : 0;
        judgeRight += ClassRows.argmax(second) == p.givenIndex() ? 1 : 0;
      }
    }
    int classes = examined.get(0).probabilities().length;
    double modelWeight = weight(modelRight, judged, classes);
    double judgeWeight = weight(judgeRight, judged, classes);
    for (int i = 0; i < examined.size(); i++) {
      float[] model = examined.get(i).probabilities();
      float[] second = judge.get(examined.get(i).id());
      probs[i] =
          second == null || second.length != model.length
              ? model
              : ClassRows.weightedAverage(model, modelWeight, second, judgeWeight);
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

  /** A judge's weight: its accuracy against the given labels above chance (at least 0.01). */
  static double weight(int right, int of, int classes) {
    return of == 0 ? 1 : Math.max(0.01, (double) right / of - 1.0 / classes);
  }

  static boolean learnedSomething(List<ImagePrediction> examined) {
    long correct = examined.stream().filter(ImagePrediction::correct).count();
    int classes = examined.get(0).probabilities().length;
    return (double) correct / examined.size() >= MIN_ACCURACY_OVER_CHANCE / classes;
  }
}

package org.databoost.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds images whose given label is probably wrong, by confident learning (Northcutt, Jiang and
 * Chuang, "Confident Learning: Estimating Uncertainty in Dataset Labels", JAIR 2021), and images
 * that seem to belong to no class. Pure and deterministic; the probabilities must be out-of-sample
 * (from a model that did not train on the image), or the model will simply agree with its labels.
 */
public final class LabelIssueFinder {
  // Rows are softmax outputs in float; allow their rounding error, refuse anything else.
  private static final float TOLERANCE = 1e-3f;

  private final LabelIssueOptions options;

  public LabelIssueFinder(LabelIssueOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public LabelIssueFinder() {
    this(LabelIssueOptions.defaults());
  }

  /**
   * Analyses n images of K classes.
   *
   * @param probabilities n rows of K predicted class probabilities (K ≥ 1, the same for all rows)
   * @param givenLabels n labels in [0, K)
   * @throws IllegalArgumentException when the shapes disagree, a label is out of range or a
   *     probability is not in [0, 1]
   */
  public LabelIssues find(float[][] probabilities, int[] givenLabels) {
    int k = validate(probabilities, givenLabels);
    int n = givenLabels.length;
    ConfidentJoint joint = ConfidentJoint.compute(probabilities, givenLabels, k);
    int[][] calibrated = joint.calibrated();
    boolean[] errors =
        new Pruning(probabilities, givenLabels, k, options.minExamplesPerClass())
            .flag(options.pruneMethod(), joint, calibrated);
    double[] entropies = new double[n];
    for (int x = 0; x < n; x++) {
      entropies[x] = OutOfDistributionRule.normalizedEntropy(probabilities[x]);
    }
    boolean[] junk = options.outOfDistribution().flag(probabilities, entropies, joint.thresholds);
    List<ImageVerdict> verdicts = new ArrayList<>(n);
    for (int x = 0; x < n; x++) {
      float[] row = probabilities[x];
      int given = givenLabels[x];
      int argmax = ClassRows.argmax(row);
      int suggested = given;
      if (errors[x]) {
        int confident = joint.confidentClass[x];
        suggested = confident >= 0 && confident != given ? confident : argmax;
      }
      verdicts.add(
          new ImageVerdict(
              x,
              given,
              suggested,
              options.rankBy().score(row, given),
              row[argmax],
              entropies[x],
              errors[x],
              junk[x]));
    }
    return new LabelIssues(verdicts, joint.thresholds, joint.counts, calibrated);
  }

  private static int validate(float[][] probabilities, int[] givenLabels) {
    if (probabilities == null || givenLabels == null) {
      throw new IllegalArgumentException("probabilities and givenLabels must not be null");
    }
    if (probabilities.length != givenLabels.length) {
      throw new IllegalArgumentException(
          "probabilities has "
              + probabilities.length
              + " rows but givenLabels has "
              + givenLabels.length
              + " entries; they must describe the same images");
    }
    if (probabilities.length == 0) {
      return 0;
    }
    if (probabilities[0] == null || probabilities[0].length == 0) {
      throw new IllegalArgumentException("row 0 of probabilities is empty; need at least 1 class");
    }
    int k = probabilities[0].length;
    for (int x = 0; x < probabilities.length; x++) {
      float[] row = probabilities[x];
      if (row == null || row.length != k) {
        throw new IllegalArgumentException(
            "row "
                + x
                + " of probabilities has "
                + (row == null ? "no" : String.valueOf(row.length))
                + " entries, expected "
                + k
                + " like row 0");
      }
      for (float p : row) {
        if (!(p >= -TOLERANCE && p <= 1 + TOLERANCE)) {
          throw new IllegalArgumentException(
              "row " + x + " of probabilities holds " + p + ", not a probability in [0, 1]");
        }
      }
      if (givenLabels[x] < 0 || givenLabels[x] >= k) {
        throw new IllegalArgumentException(
            "givenLabels[" + x + "] = " + givenLabels[x] + " is outside [0, " + k + ")");
      }
    }
    return k;
  }
}

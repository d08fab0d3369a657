package org.databoost.analysis;

import java.util.Comparator;
import java.util.List;

/**
 * The result of {@link LabelIssueFinder}: a verdict per image plus the estimates behind them.
 * Matrices are indexed {@code [given label][true label]}; arrays are copied on the way out.
 */
public final class LabelIssues {
  private final List<ImageVerdict> images;
  private final double[] thresholds;
  private final int[][] confidentJoint;
  private final int[][] calibratedJoint;

  LabelIssues(
      List<ImageVerdict> images, double[] thresholds, int[][] confidentJoint, int[][] calibrated) {
    this.images = List.copyOf(images);
    this.thresholds = thresholds.clone();
    this.confidentJoint = copy(confidentJoint);
    this.calibratedJoint = copy(calibrated);
  }

  /** One verdict per input row, in input order. */
  public List<ImageVerdict> images() {
    return images;
  }

  /** The images flagged as label errors, most likely wrong first (lowest quality score). */
  public List<ImageVerdict> labelErrors() {
    return images.stream()
        .filter(ImageVerdict::labelError)
        .sorted(
            Comparator.comparingDouble(ImageVerdict::qualityScore)
                .thenComparingInt(ImageVerdict::index))
        .toList();
  }

  /** The images that seem to belong to no class, least probable best guess first. */
  public List<ImageVerdict> outOfDistribution() {
    return images.stream()
        .filter(ImageVerdict::outOfDistribution)
        .sorted(
            Comparator.comparingDouble(ImageVerdict::maxProbability)
                .thenComparingInt(ImageVerdict::index))
        .toList();
  }

  public int numClasses() {
    return thresholds.length;
  }

  /** Per class j, the mean self-confidence t_j; NaN for a class no image is labelled with. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** The confident joint C (counts, diagonal raised to at least 1 as in cleanlab). */
  public int[][] confidentJoint() {
    return copy(confidentJoint);
  }

  /** C calibrated so that row i sums to the number of images labelled i. */
  public int[][] calibratedJoint() {
    return copy(calibratedJoint);
  }

  /** The estimated joint distribution Q of given and true labels; sums to 1 (all 0 when empty). */
  public double[][] joint() {
    int k = numClasses();
    double total = 0;
    for (int[] row : calibratedJoint) {
      for (int c : row) {
        total += c;
      }
    }
    double[][] q = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        q[i][j] = total == 0 ? 0 : calibratedJoint[i][j] / total;
      }
    }
    return q;
  }

  /**
   * The noise matrix P(given = i | true = j), each column summing to 1. A true class with no
   * estimated images gets the identity column: there is no evidence of noise for it.
   */
  public double[][] noiseMatrix() {
    int k = numClasses();
    double[][] m = new double[k][k];
    for (int j = 0; j < k; j++) {
      double column = 0;
      for (int i = 0; i < k; i++) {
        column += calibratedJoint[i][j];
      }
      for (int i = 0; i < k; i++) {
        m[i][j] = column == 0 ? (i == j ? 1 : 0) : calibratedJoint[i][j] / column;
      }
    }
    return m;
  }

  /**
   * The inverse noise matrix P(true = j | given = i), each row summing to 1; identity rows for
   * classes without images.
   */
  public double[][] inverseNoiseMatrix() {
    int k = numClasses();
    double[][] m = new double[k][k];
    for (int i = 0; i < k; i++) {
      double row = 0;
      for (int j = 0; j < k; j++) {
        row += calibratedJoint[i][j];
      }
      for (int j = 0; j < k; j++) {
        m[i][j] = row == 0 ? (i == j ? 1 : 0) : calibratedJoint[i][j] / row;
      }
    }
    return m;
  }

  /** The estimated fraction of images labelled {@code givenClass} whose label is wrong. */
  public double noiseRate(int givenClass) {
    return 1 - inverseNoiseMatrix()[givenClass][givenClass];
  }

  /** The estimated number of wrong labels: n minus the trace of the calibrated joint. */
  public int estimatedErrorCount() {
    int off = 0;
    for (int i = 0; i < calibratedJoint.length; i++) {
      for (int j = 0; j < calibratedJoint.length; j++) {
        if (i != j) {
          off += calibratedJoint[i][j];
        }
      }
    }
    return off;
  }

  private static int[][] copy(int[][] m) {
    int[][] out = new int[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }
}

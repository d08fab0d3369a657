package org.databoost.analysis;

import java.util.Arrays;
import smile.classification.LogisticRegression;

/**
 * Out-of-sample class probabilities from a linear classifier on fixed embeddings: multinomial
 * logistic regression (Smile) on the L2-normalised vectors, fitted by stratified k-fold so that no
 * image's own (possibly wrong) label shapes its row. With an embedding learned without these labels
 * it is a second, independent judge next to {@link KnnProbabilities}: the k-NN vote is local, the
 * probe global, and their average ranks flipped labels better than either (docs/label-errors.md).
 */
public final class LinearProbe {
  /** L2 penalty that did best on the real data (docs/label-errors.md). */
  public static final double DEFAULT_LAMBDA = 0.1;

  private static final double TOLERANCE = 1e-5;
  private static final int MAX_ITERATIONS = 500;

  private LinearProbe() {}

  /**
   * The probability rows of n images.
   *
   * @param vectors n embeddings of one dimension (any scale: each row is normalised)
   * @param labels the given label of each image, in [0, classes)
   * @param classes K ≥ 2
   * @param folds k ≥ 2 folds
   * @param seed the fold assignment's seed
   * @param lambda the L2 penalty (≥ 0)
   */
  public static float[][] outOfSample(
      float[][] vectors, int[] labels, int classes, int folds, long seed, double lambda) {
    return outOfSample(vectors, labels, classes, folds, seed, lambda, new boolean[labels.length]);
  }

  /**
   * {@link #outOfSample(float[][], int[], int, int, long, double)} where the images marked {@code
   * unfit} get a row but are left out of every fit: the folds stay the same, so each image's row
   * still comes from a model that never saw it.
   *
   * @param unfit one entry per image
   */
  public static float[][] outOfSample(
      float[][] vectors,
      int[] labels,
      int classes,
      int folds,
      long seed,
      double lambda,
      boolean[] unfit) {
    int n = labels.length;
    if (unfit.length != n) {
      throw new IllegalArgumentException(
          unfit.length + " unfit marks do not match the " + n + " labels");
    }
    if (vectors.length != n) {
      throw new IllegalArgumentException(
          vectors.length + " vectors do not match the " + n + " labels");
    }
    if (classes < 2 || !(lambda >= 0)) {
      throw new IllegalArgumentException(
          "need classes >= 2 and lambda >= 0; got " + classes + ", " + lambda);
    }
    for (int l : labels) {
      if (l < 0 || l >= classes) {
        throw new IllegalArgumentException("label " + l + " is outside [0, " + classes + ")");
      }
    }
    double[][] x = normalised(vectors);
    int[] fold = StratifiedFolds.assign(labels, folds, seed);
    float[][] out = new float[n][];
    for (int f = 0; f < folds; f++) {
      int[] fit =
          Arrays.stream(StratifiedFolds.members(fold, f, false)).filter(i -> !unfit[i]).toArray();
      int[] held = StratifiedFolds.members(fold, f, true);
      predict(x, labels, classes, fit, held, lambda, out);
    }
    return out;
  }

  private static void predict(
      double[][] x,
      int[] labels,
      int classes,
      int[] fit,
      int[] held,
      double lambda,
      float[][] out) {
    // Smile numbers the classes it sees 0..m-1 in increasing order: map them back to ours.
    boolean[] seen = new boolean[classes];
    for (int i : fit) {
      seen[labels[i]] = true;
    }
    int[] toOurs = new int[classes];
    int[] toSmile = new int[classes];
    int m = 0;
    for (int c = 0; c < classes; c++) {
      toSmile[c] = seen[c] ? m : -1;
      if (seen[c]) {
        toOurs[m++] = c;
      }
    }
    if (m < 2) {
      for (int i : held) {
        out[i] = new float[classes];
        if (m == 1) {
          out[i][toOurs[0]] = 1f;
        } else {
          Arrays.fill(out[i], 1f / classes);
        }
      }
      return;
    }
    double[][] fx = new double[fit.length][];
    int[] fy = new int[fit.length];
    for (int j = 0; j < fit.length; j++) {
      fx[j] = x[fit[j]];
      fy[j] = toSmile[labels[fit[j]]];
    }
    LogisticRegression model =
        m == 2
            ? LogisticRegression.binomial(fx, fy, lambda, TOLERANCE, MAX_ITERATIONS)
            : LogisticRegression.multinomial(fx, fy, lambda, TOLERANCE, MAX_ITERATIONS);
    double[] posterior = new double[m];
    for (int i : held) {
      model.predict(x[i], posterior);
      float[] row = new float[classes];
      for (int s = 0; s < m; s++) {
        row[toOurs[s]] = (float) posterior[s];
      }
      out[i] = row;
    }
  }

  private static double[][] normalised(float[][] vectors) {
    double[][] x = new double[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      float[] v = vectors[i];
      double norm = 0;
      for (float a : v) {
        norm += (double) a * a;
      }
      double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      x[i] = new double[v.length];
      for (int d = 0; d < v.length; d++) {
        x[i][d] = v[d] * scale;
      }
    }
    return x;
  }
}

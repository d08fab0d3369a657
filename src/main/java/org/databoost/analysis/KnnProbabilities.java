package org.databoost.analysis;

import java.util.Arrays;

/**
 * Out-of-sample class probabilities from the labels of each image's nearest neighbours: row x is a
 * smoothed vote of its k nearest <em>other</em> images, each weighted by its cosine similarity, so
 * an image's own (possibly wrong) label never counts toward its row. Fed to {@link
 * LabelIssueFinder} when the embedding was learned without these labels, the rows judge labels
 * without the circularity of a model trained on them.
 */
public final class KnnProbabilities {
  private KnnProbabilities() {}

  /**
   * The probability rows of n images.
   *
   * @param neighbourIds n rows of neighbour indexes in [0, n), best first; -1 marks a missing
   *     place, and an image's own index is skipped wherever it appears
   * @param similarities the cosine similarities matching {@code neighbourIds}; a similarity at or
   *     below 0 (or NaN) gives no vote
   * @param labels the given label of each of the n images, in [0, classes)
   * @param classes K ≥ 1
   * @param k the number of leading neighbours that vote (at most the row length)
   * @param smoothing pseudo-votes added to every class (≥ 0; ≥ some small value keeps each row a
   *     distribution even where no neighbour voted)
   */
  public static float[][] leaveOneOut(
      int[][] neighbourIds,
      float[][] similarities,
      int[] labels,
      int classes,
      int k,
      double smoothing) {
    return leaveOneOut(
        neighbourIds, similarities, labels, classes, k, smoothing, new boolean[labels.length]);
  }

  /**
   * {@link #leaveOneOut(int[][], float[][], int[], int, int, double)} where the images marked
   * {@code silent} still get a row but do not vote in anyone's: the next neighbours take their
   * places (so a row needs more than k neighbours to keep k votes).
   *
   * @param silent one entry per image
   */
  public static float[][] leaveOneOut(
      int[][] neighbourIds,
      float[][] similarities,
      int[] labels,
      int classes,
      int k,
      double smoothing,
      boolean[] silent) {
    int n = labels.length;
    if (silent.length != n) {
      throw new IllegalArgumentException(
          silent.length + " silent marks do not match the " + n + " labels");
    }
    if (neighbourIds.length != n || similarities.length != n) {
      throw new IllegalArgumentException(
          "neighbour rows ("
              + neighbourIds.length
              + ", "
              + similarities.length
              + ") do not match the "
              + n
              + " labels");
    }
    if (classes < 1 || k < 0 || !(smoothing >= 0)) {
      throw new IllegalArgumentException(
          "need classes >= 1, k >= 0 and smoothing >= 0; got "
              + classes
              + ", "
              + k
              + ", "
              + smoothing);
    }
    float[][] out = new float[n][classes];
    double[] votes = new double[classes];
    for (int x = 0; x < n; x++) {
      Arrays.fill(votes, smoothing);
      int used = 0;
      for (int r = 0; r < neighbourIds[x].length && used < k; r++) {
        int y = neighbourIds[x][r];
        if (y < 0 || y == x || silent[y]) {
          continue;
        }
        used++;
        float s = similarities[x][r];
        if (s > 0) {
          votes[label(labels, y, classes)] += s;
        }
      }
      double total = 0;
      for (double v : votes) {
        total += v;
      }
      for (int c = 0; c < classes; c++) {
        out[x][c] = total > 0 ? (float) (votes[c] / total) : 1f / classes;
      }
    }
    return out;
  }

  private static int label(int[] labels, int y, int classes) {
    int l = labels[y];
    if (l < 0 || l >= classes) {
      throw new IllegalArgumentException(
          "labels[" + y + "] = " + l + " is outside [0, " + classes + ")");
    }
    return l;
  }
}

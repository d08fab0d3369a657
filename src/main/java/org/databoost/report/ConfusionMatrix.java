package org.databoost.report;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.databoost.dataset.Split;

/**
 * Counts of given label (rows) against predicted label (columns).
 *
 * @param labels the class names, in matrix order
 * @param counts a square matrix of the size of {@code labels}
 */
public record ConfusionMatrix(List<String> labels, int[][] counts) {

  public ConfusionMatrix {
    labels = List.copyOf(labels);
    Objects.requireNonNull(counts, "counts");
    int k = labels.size();
    int[][] copy = new int[k][];
    if (counts.length != k) {
      throw new IllegalArgumentException(
          "counts has " + counts.length + " rows but there are " + k + " labels");
    }
    for (int i = 0; i < k; i++) {
      if (counts[i] == null || counts[i].length != k) {
        throw new IllegalArgumentException("row " + i + " of counts must have " + k + " entries");
      }
      copy[i] = counts[i].clone();
    }
    counts = copy;
  }

  /** Tallies the rows of one split; rows whose labels are not in {@code labels} are refused. */
  public static ConfusionMatrix of(List<String> labels, List<ImageRow> rows, Split split) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
    int[][] counts = new int[labels.size()][labels.size()];
    for (ImageRow row : rows) {
      if (row.split() == split) {
        counts[indexOf(index, row.givenLabel(), row)][indexOf(index, row.predictedLabel(), row)]++;
      }
    }
    return new ConfusionMatrix(labels, counts);
  }

  private static int indexOf(Map<String, Integer> index, String label, ImageRow row) {
    Integer i = index.get(label);
    if (i == null) {
      throw new IllegalArgumentException(
          "label '" + label + "' of " + row.file() + " is not one of the report's labels");
    }
    return i;
  }

  public int size() {
    return labels.size();
  }

  public int count(int given, int predicted) {
    return counts[given][predicted];
  }

  /** Images whose given label is {@code i}. */
  public int support(int i) {
    int s = 0;
    for (int c : counts[i]) {
      s += c;
    }
    return s;
  }

  /** Images predicted as {@code j}. */
  public int predicted(int j) {
    int s = 0;
    for (int[] row : counts) {
      s += row[j];
    }
    return s;
  }

  public int total() {
    int s = 0;
    for (int i = 0; i < size(); i++) {
      s += support(i);
    }
    return s;
  }

  /** Of the images predicted as {@code j}, the fraction labelled j; NaN when none were. */
  public double precision(int j) {
    int p = predicted(j);
    return p == 0 ? Double.NaN : counts[j][j] / (double) p;
  }

  /** Of the images labelled {@code i}, the fraction predicted as i; NaN when there are none. */
  public double recall(int i) {
    int s = support(i);
    return s == 0 ? Double.NaN : counts[i][i] / (double) s;
  }

  /** The fraction on the diagonal; NaN for an empty matrix. */
  public double accuracy() {
    int total = total();
    int diagonal = 0;
    for (int i = 0; i < size(); i++) {
      diagonal += counts[i][i];
    }
    return total == 0 ? Double.NaN : diagonal / (double) total;
  }

  @Override
  public int[][] counts() {
    int[][] copy = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix m
        && labels.equals(m.labels)
        && Arrays.deepEquals(counts, m.counts);
  }

  @Override
  public int hashCode() {
    return 31 * labels.hashCode() + Arrays.deepHashCode(counts);
  }
}

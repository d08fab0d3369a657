package org.databoost.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which examples to flag from the calibrated joint counts (Northcutt et al. 2021, section
 * 3.2, and cleanlab's {@code filter.py}). All orderings break ties by example index, so the result
 * is deterministic.
 */
final class Pruning {
  private final float[][] probabilities;
  private final int[] labels;
  private final List<List<Integer>> byClass;
  private final int minExamplesPerClass;

  Pruning(float[][] probabilities, int[] labels, int k, int minExamplesPerClass) {
    this.probabilities = probabilities;
    this.labels = labels;
    this.minExamplesPerClass = minExamplesPerClass;
    this.byClass = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      byClass.add(new ArrayList<>());
    }
    for (int x = 0; x < labels.length; x++) {
      byClass.get(labels[x]).add(x);
    }
  }

  boolean[] flag(PruneMethod method, ConfidentJoint joint, int[][] calibrated) {
    int[][] pruneCounts = keepAtLeastPerClass(calibrated, minExamplesPerClass);
    boolean[] flags =
        switch (method) {
          case PRUNE_BY_NOISE_RATE -> byNoiseRate(pruneCounts);
          case PRUNE_BY_CLASS -> byClass(pruneCounts);
          case BOTH -> and(byNoiseRate(pruneCounts), byClass(pruneCounts));
          case CONFIDENT_LEARNING -> offDiagonal(joint.confidentClass);
        };
    // Never call a label wrong when the model agrees with it (cleanlab does the same).
    for (int x = 0; x < flags.length; x++) {
      if (ClassRows.argmax(probabilities[x]) == labels[x]) {
        flags[x] = false;
      }
    }
    return flags;
  }

  /**
   * For each i and j ≠ i, flags the pruneCounts[i][j] examples labelled i with the largest p_j-p_i.
   */
  private boolean[] byNoiseRate(int[][] pruneCounts) {
    boolean[] flags = new boolean[labels.length];
    for (int i = 0; i < byClass.size(); i++) {
      List<Integer> members = byClass.get(i);
      if (members.size() <= minExamplesPerClass) {
        continue;
      }
      for (int j = 0; j < byClass.size(); j++) {
        int toFlag = pruneCounts[i][j];
        if (j == i || toFlag <= 0) {
          continue;
        }
        int given = i;
        int other = j;
        List<Integer> order = new ArrayList<>(members);
        order.sort(
            Comparator.comparingDouble(
                    (Integer x) -> probabilities[x][other] - probabilities[x][given])
                .reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int r = 0; r < Math.min(toFlag, order.size()); r++) {
          flags[order.get(r)] = true;
        }
      }
    }
    return flags;
  }

  /**
   * For each i, flags the examples labelled i beyond the estimated correct count, least sure first.
   */
  private boolean[] byClass(int[][] pruneCounts) {
    boolean[] flags = new boolean[labels.length];
    for (int i = 0; i < byClass.size(); i++) {
      List<Integer> members = byClass.get(i);
      int toFlag = members.size() - pruneCounts[i][i];
      if (members.size() <= minExamplesPerClass || toFlag <= 0) {
        continue;
      }
      int given = i;
      List<Integer> order = new ArrayList<>(members);
      order.sort(
          Comparator.comparingDouble((Integer x) -> probabilities[x][given])
              .thenComparing(Comparator.naturalOrder()));
      for (int r = 0; r < Math.min(toFlag, order.size()); r++) {
        flags[order.get(r)] = true;
      }
    }
    return flags;
  }

  private boolean[] offDiagonal(int[] confidentClass) {
    boolean[] flags = new boolean[labels.length];
    for (int x = 0; x < labels.length; x++) {
      flags[x] = confidentClass[x] >= 0 && confidentClass[x] != labels[x];
    }
    return flags;
  }

  /**
   * Raises each diagonal entry to at least {@code n}, taking the difference evenly from the
   * non-zero off-diagonal entries of the row, so that pruning leaves n examples of every class
   * (cleanlab's {@code _keep_at_least_n_per_class}, written for our [given][true] layout).
   */
  static int[][] keepAtLeastPerClass(int[][] calibrated, int n) {
    int k = calibrated.length;
    double[][] adjusted = new double[k][k];
    for (int i = 0; i < k; i++) {
      int diagonal = calibrated[i][i];
      int raised = Math.max(diagonal, n);
      int nonZeroOff = 0;
      for (int j = 0; j < k; j++) {
        if (j != i && calibrated[i][j] != 0) {
          nonZeroOff++;
        }
      }
      double take = (raised - diagonal) / (double) Math.max(nonZeroOff, 1);
      for (int j = 0; j < k; j++) {
        adjusted[i][j] = j == i ? raised : Math.max(0, calibrated[i][j] - take);
      }
    }
    return RowRounding.roundRows(adjusted);
  }

  private static boolean[] and(boolean[] a, boolean[] b) {
    boolean[] out = new boolean[a.length];
    for (int x = 0; x < a.length; x++) {
      out[x] = a[x] && b[x];
    }
    return out;
  }
}

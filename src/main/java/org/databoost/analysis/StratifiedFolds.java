package org.databoost.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Deterministic stratified k-fold assignment: the images of each label are shuffled with the seed
 * and dealt round-robin to the folds, continuing where the previous label stopped, so that every
 * fold gets each label in proportion and the fold sizes differ by at most one.
 */
public final class StratifiedFolds {
  private StratifiedFolds() {}

  /** The fold (0..k-1) of each image. */
  public static int[] assign(int[] labels, int folds, long seed) {
    if (folds < 2) {
      throw new IllegalArgumentException("need at least 2 folds, got " + folds);
    }
    int classes = 0;
    for (int label : labels) {
      classes = Math.max(classes, label + 1);
    }
    List<List<Integer>> byLabel = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byLabel.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byLabel.get(labels[i]).add(i);
    }
    Random random = new Random(seed);
    int[] fold = new int[labels.length];
    int next = 0;
    for (List<Integer> members : byLabel) {
      int[] order = members.stream().mapToInt(Integer::intValue).toArray();
      // Fisher-Yates, as the training's epoch shuffle: the folds of a seed never change.
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int image : order) {
        fold[image] = next;
        next = (next + 1) % folds;
      }
    }
    return fold;
  }

  /** Positions whose fold is (or is not) {@code f}. */
  public static int[] members(int[] fold, int f, boolean inFold) {
    return IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == inFold).toArray();
  }
}

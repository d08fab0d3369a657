package org.databoost.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {
  @Test
  void foldsAreBalancedPerLabelAndDeterministic() {
    int[] labels = new int[53];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (i * 7) % 4;
    }
    int[] folds = StratifiedFolds.assign(labels, 5, 42);
    assertArrayEquals(folds, StratifiedFolds.assign(labels, 5, 42));
    int[] sizes = new int[5];
    int[][] perLabel = new int[4][5];
    for (int i = 0; i < labels.length; i++) {
      sizes[folds[i]]++;
      perLabel[labels[i]][folds[i]]++;
    }
    for (int f = 0; f < 5; f++) {
      assertTrue(sizes[f] == 10 || sizes[f] == 11);
    }
    for (int[] counts : perLabel) {
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int c : counts) {
        min = Math.min(min, c);
        max = Math.max(max, c);
      }
      assertTrue(max - min <= 1);
    }
  }
}

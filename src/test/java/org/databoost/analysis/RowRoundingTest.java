package org.databoost.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RowRoundingTest {
  @Test
  void roundingKeepsTheRowTotal() {
    // Plain rounding gives 0 + 0 + 0 = 0 for a row that sums to 1.
    assertArrayEquals(
        new int[] {1, 0, 0},
        RowRounding.roundPreservingSum(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}));
    // Plain rounding gives 2 + 2 + 1 = 5 for a row that sums to 4; the smallest loss goes down.
    assertArrayEquals(
        new int[] {1, 2, 1}, RowRounding.roundPreservingSum(new double[] {1.5, 1.6, 0.9}));
  }
}

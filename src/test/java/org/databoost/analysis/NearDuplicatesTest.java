package org.databoost.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NearDuplicatesTest {
  @Test
  void similarPairsAndIdenticalBytesFormGroupsTransitively() {
    // 0~1 by similarity, 1~2 by similarity (so 0,1,2 together), 3 and 5 share bytes, 4 alone.
    int[][] ids = {{1}, {2}, {1}, {4}, {3}, {0}};
    float[][] sims = {{0.99f}, {0.98f}, {0.98f}, {0.5f}, {0.5f}, {0.2f}};
    String[] hashes = {"a", "b", "c", "d", "e", "d"};
    int[] g = NearDuplicates.groups(ids, sims, hashes, 0.97);
    assertArrayEquals(new int[] {0, 0, 0, 1, -1, 1}, g);
  }

  @Test
  void withAGapOnlyAPairCloserToEachOtherThanToAnythingElseIsACopy() {
    // 0 and 1: a re-encoded copy (0.995; their next neighbours 0.85 and 0.86). 2, 3 and 4: three
    // lone strokes, 0.99 alike, whose next neighbours are 0.96 alike: not copies of each other.
    int[][] ids = {{1, 2}, {0, 3}, {3, 4, 0}, {2, 4, 1}, {2, 3, 0}};
    float[][] sims = {
      {0.995f, 0.85f},
      {0.995f, 0.86f},
      {0.99f, 0.99f, 0.96f},
      {0.99f, 0.99f, 0.96f},
      {0.99f, 0.99f, 0.96f}
    };
    String[] hashes = {"a", "b", "c", "d", "e"};
    assertArrayEquals(
        new int[] {0, 0, -1, -1, -1}, NearDuplicates.groups(ids, sims, hashes, 0.98, 0.05));
    // Without the gap the strokes are one group, as before.
    assertArrayEquals(new int[] {0, 0, 1, 1, 1}, NearDuplicates.groups(ids, sims, hashes, 0.98));
    // Byte-identical files stay copies whatever the gap.
    String[] same = {"a", "b", "c", "c", "e"};
    assertArrayEquals(
        new int[] {0, 0, 1, 1, -1}, NearDuplicates.groups(ids, sims, same, 0.98, 0.05));
  }

  @Test
  void aPairWithNoNeighbourBelowTheThresholdListedIsNotACopy() {
    int[][] ids = {{1}, {0}};
    float[][] sims = {{0.999f}, {0.999f}};
    assertFalse(NearDuplicates.copies(ids, sims, 0, 0, 0.98, 0.05));
    assertTrue(NearDuplicates.copies(ids, sims, 0, 0, 0.98, 0));
  }

  @Test
  void nothingAboveTheThresholdMeansNoGroups() {
    int[] g =
        NearDuplicates.groups(
            new int[][] {{1}, {0}}, new float[][] {{0.9f}, {0.9f}}, new String[] {"x", "y"}, 0.95);
    assertArrayEquals(new int[] {-1, -1}, g);
  }

  @Test
  void mismatchedInputsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> NearDuplicates.groups(new int[1][], new float[1][], new String[2], 0.9));
  }

  @Test
  void outlierScoreIsTheMeanDistanceToTheNearestFew() {
    double[] s =
        OutlierScores.meanDistance(new float[][] {{0.9f, 0.8f, 0.1f}, {0.2f, Float.NaN}, {}}, 2);
    assertEquals(0.15, s[0], 1e-6);
    assertEquals(0.8, s[1], 1e-6);
    assertTrue(Double.isNaN(s[2]));
  }
}

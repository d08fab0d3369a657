package org.databoost.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Three tight clusters of unit vectors with a few labels flipped. */
class KnnProbabilitiesTest {
  static final int CLASSES = 3;
  static final int PER_CLASS = 40;
  static final int DIM = 8;
  static final int K = 10;

  final int n = CLASSES * PER_CLASS;
  final int[] truth = new int[n];
  final int[] given = new int[n];
  final Set<Integer> flipped = new HashSet<>();
  final int[][] ids = new int[n][];
  final float[][] sims = new float[n][];

  KnnProbabilitiesTest() {
    Random rng = new Random(11);
    float[][] v = new float[n][DIM];
    for (int x = 0; x < n; x++) {
      truth[x] = x / PER_CLASS;
      given[x] = truth[x];
      v[x][truth[x]] = 1;
      for (int d = 0; d < DIM; d++) {
        v[x][d] += (float) (0.15 * rng.nextGaussian());
      }
      normalise(v[x]);
    }
    for (int x = 5; x < n; x += 20) {
      given[x] = (truth[x] + 1) % CLASSES;
      flipped.add(x);
    }
    // Brute-force neighbours, the image itself included at rank 0 like a plain k-NN search.
    for (int x = 0; x < n; x++) {
      Integer[] order = new Integer[n];
      for (int y = 0; y < n; y++) {
        order[y] = y;
      }
      final int q = x;
      Arrays.sort(order, (a, b) -> Float.compare(dot(v[q], v[b]), dot(v[q], v[a])));
      ids[x] = new int[K + 1];
      sims[x] = new float[K + 1];
      for (int r = 0; r <= K; r++) {
        ids[x][r] = order[r];
        sims[x][r] = dot(v[x], v[order[r]]);
      }
    }
  }

  @Test
  void rowsAreDistributionsThatIgnoreTheImagesOwnLabel() {
    float[][] p = KnnProbabilities.leaveOneOut(ids, sims, given, CLASSES, K, 0.1);
    for (int x = 0; x < n; x++) {
      double sum = 0;
      for (float f : p[x]) {
        sum += f;
      }
      assertEquals(1.0, sum, 1e-5, "row " + x);
      assertEquals(truth[x], ClassRows.argmax(p[x]), "row " + x);
    }
    for (int x : flipped) {
      assertTrue(p[x][given[x]] < 0.2, "flipped image " + x + " votes " + p[x][given[x]]);
    }
  }

  @Test
  void confidentLearningOnTheRowsFindsTheFlippedLabels() {
    float[][] p = KnnProbabilities.leaveOneOut(ids, sims, given, CLASSES, K, 0.1);
    Set<Integer> flagged = new HashSet<>();
    new LabelIssueFinder().find(p, given).labelErrors().forEach(v -> flagged.add(v.index()));
    assertEquals(flipped, flagged);
  }

  @Test
  void aSilentImageGetsARowButItsPlaceGoesToTheNextNeighbour() {
    // image 0's neighbours: 1 (label 1), 2 (label 0), 3 (label 0); k = 2
    int[][] nb = {{1, 2, 3}, {0, 2, 3}, {0, 1, 3}, {0, 1, 2}};
    float[][] s = {{0.9f, 0.8f, 0.7f}, {0.9f, 0.8f, 0.7f}, {0.8f, 0.8f, 0.7f}, {0.7f, 0.7f, 0.7f}};
    int[] labels = {0, 1, 0, 0};
    float[][] all = KnnProbabilities.leaveOneOut(nb, s, labels, 2, 2, 0);
    assertEquals(0.9f / 1.7f, all[0][1], 1e-6f);
    boolean[] silent = {false, true, false, false};
    float[][] p = KnnProbabilities.leaveOneOut(nb, s, labels, 2, 2, 0, silent);
    assertArrayEquals(new float[] {1f, 0f}, p[0], "votes of 2 and 3 only");
    assertArrayEquals(new float[] {1f, 0f}, p[1], "the silent image is still judged");
    assertThrows(
        IllegalArgumentException.class,
        () -> KnnProbabilities.leaveOneOut(nb, s, labels, 2, 2, 0, new boolean[3]));
  }

  @Test
  void withoutVotesARowIsTheSmoothedPriorOrUniform() {
    int[][] none = {{-1, -1}, {0, -1}};
    float[][] noSims = {{Float.NaN, Float.NaN}, {-0.5f, Float.NaN}};
    float[][] p = KnnProbabilities.leaveOneOut(none, noSims, new int[] {0, 1}, 2, 2, 0);
    assertArrayEquals(new float[] {0.5f, 0.5f}, p[0]);
    assertArrayEquals(new float[] {0.5f, 0.5f}, p[1]);
  }

  @Test
  void refusesMismatchedShapesAndBadLabels() {
    assertThrows(
        IllegalArgumentException.class,
        () -> KnnProbabilities.leaveOneOut(new int[1][1], new float[1][1], new int[2], 2, 1, 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            KnnProbabilities.leaveOneOut(
                new int[][] {{1}, {0}}, new float[][] {{1}, {1}}, new int[] {0, 5}, 2, 1, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> KnnProbabilities.leaveOneOut(new int[0][], new float[0][], new int[0], 2, 1, -1));
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void normalise(float[] a) {
    float norm = (float) Math.sqrt(dot(a, a));
    for (int i = 0; i < a.length; i++) {
      a[i] /= norm;
    }
  }
}

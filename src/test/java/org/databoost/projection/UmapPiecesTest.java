package org.databoost.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;

class UmapPiecesTest {

  @Test
  void curveParametersMatchUmapLearn() {
    // umap-learn's find_ab_params(1.0, 0.1) = (1.5769, 0.8951); (1.0, 0.5) = (0.5830, 1.3342)
    double[] ab = CurveFit.ab(1.0, 0.1);
    assertEquals(1.577, ab[0], 0.01);
    assertEquals(0.895, ab[1], 0.005);
    double[] wide = CurveFit.ab(1.0, 0.5);
    assertEquals(0.583, wide[0], 0.01);
    assertEquals(1.334, wide[1], 0.005);
  }

  @Test
  void exactSearchFindsTheTrueNeighboursWithBothScorers() {
    int n = 2_107; // three chunks, the last one not a multiple of 4
    int d = 10;
    float[] x = Blobs.make(7, 301, d, 0.8, 11);
    KnnGraph java =
        ExactCosineKnn.search(
            x, n, d, 5, new JavaBlockScorer(), new Workers(2), Progress.NONE, "g");
    for (int i = 0; i < n; i += 37) {
      int[] brute = bruteForce(x, n, d, i, 5);
      assertArrayEquals(brute, java.neighbours(i), "row " + i);
    }
    KnnGraph best =
        ExactCosineKnn.search(x, n, d, 5, BlockScorer.best(), new Workers(2), Progress.NONE, "g");
    int same = 0;
    for (int i = 0; i < n; i++) {
      same += java.neighbours(i)[0] == best.neighbours(i)[0] ? 1 : 0;
      for (int j = 1; j < 5; j++) {
        assertTrue(best.distances(i)[j] >= best.distances(i)[j - 1]);
      }
    }
    assertTrue(same >= n - 2, "nearest neighbour agrees on " + same + " rows");
  }

  @Test
  void fuzzyUnionIsSymmetricAndConnectsMutualNeighbours() {
    int[][] ids = {{1, 2}, {0, 2}, {1, 0}, {2, 1}};
    float[][] dist = {{0.1f, 0.3f}, {0.1f, 0.2f}, {0.2f, 0.3f}, {0.5f, 0.6f}};
    FuzzyGraph g = FuzzyGraph.of(KnnGraph.of(ids, dist), 3);
    for (int e = 0; e < g.edges(); e++) {
      assertTrue(g.from()[e] < g.to()[e]);
      assertTrue(g.weight()[e] > 0 && g.weight()[e] <= 1);
    }
    // each row's nearest neighbour has membership 1
    assertEquals(4, g.edges() - 1, "undirected edges: 0-1, 0-2, 1-2, 2-3, 1-3");
    Components c = Components.of(4, g.from(), g.to());
    assertEquals(1, c.count());
  }

  @Test
  void graphsAreChecked() {
    assertThrows(
        IllegalArgumentException.class, () -> KnnGraph.of(new int[][] {{0}}, new float[][] {{0}}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            KnnGraph.of(
                new int[][] {{1, 2}, {0, 2}, {0, 1}},
                new float[][] {{0.5f, 0.1f}, {0, 0}, {0, 0}}));
    KnnGraph s = KnnGraph.ofSimilarities(new int[][] {{1}, {0}}, new float[][] {{0.9f}, {0.9f}});
    assertEquals(0.1f, s.distances(0)[0], 1e-6f);
  }

  @Test
  void powTableIsCloseToMathPow() {
    PowTable t = new PowTable(0.8951);
    Random r = new Random(1);
    for (int i = 0; i < 100_000; i++) {
      double x = Math.exp(r.nextDouble() * 40 - 25);
      assertEquals(1.0, t.pow(x) / Math.pow(x, 0.8951), 1e-5, "x=" + x);
    }
    assertEquals(0.0, t.pow(0.0));
  }

  @Test
  void componentsAreNumberedBySize() {
    Components c = Components.of(6, new int[] {0, 3, 4}, new int[] {5, 4, 5});
    // {0,3,4,5} and {1} and {2}
    assertEquals(3, c.count());
    assertArrayEquals(new int[] {4, 1, 1}, c.sizes());
    assertArrayEquals(new int[] {0, 1, 2, 0, 0, 0}, c.of());
  }

  private static int[] bruteForce(float[] x, int n, int d, int q, int k) {
    Integer[] idx = new Integer[n];
    double[] sim = new double[n];
    for (int j = 0; j < n; j++) {
      idx[j] = j;
      double dot = 0, a = 0, b = 0;
      for (int t = 0; t < d; t++) {
        dot += x[q * d + t] * x[j * d + t];
        a += x[q * d + t] * x[q * d + t];
        b += x[j * d + t] * x[j * d + t];
      }
      sim[j] = j == q ? Double.NEGATIVE_INFINITY : dot / Math.sqrt(a * b);
    }
    Arrays.sort(idx, (u, v) -> Double.compare(sim[v], sim[u]));
    int[] out = new int[k];
    for (int j = 0; j < k; j++) {
      out[j] = idx[j];
    }
    return out;
  }
}

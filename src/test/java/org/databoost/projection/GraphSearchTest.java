package org.databoost.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.databoost.task.Progress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphSearchTest {

  @ParameterizedTest
  @CsvSource({
    "3, 4, 2, 1",
    "40, 5, 14, 2",
    "2107, 10, 14, 2", // three of ExactCosineKnn's chunks, the last not a multiple of 4
    "1500, 64, 14, 3"
  })
  void theVectorSearchGivesTheBlockSearchesGraph(int n, int d, int k, int threads) {
    float[] x = withDuplicatesAndAZeroRow(n, d, 17 + n);
    KnnGraph java = search(GraphSearch.JAVA, x, n, d, k, threads);
    KnnGraph vector = search(GraphSearch.VECTOR, x, n, d, k, threads);
    KnnGraph blas = search(GraphSearch.BLAS, x, n, d, k, threads);
    assertEquals(k, vector.k());
    for (int i = 0; i < n; i++) {
      assertArrayEquals(java.neighbours(i), vector.neighbours(i), "row " + i);
      assertArrayEquals(java.distances(i), vector.distances(i), 1e-5f, "row " + i);
      // OpenBLAS sums in its own order: the same graph up to near-ties
      assertSameUpToTies(vector, blas, i);
    }
    if (n > 7) {
      assertEquals(2, vector.neighbours(1)[0], "row 2 is a copy of row 1");
      assertEquals(0f, vector.distances(1)[0], 1e-6f);
    }
    int zero = n - 1;
    for (int j = 0; j < k; j++) {
      assertEquals(j, vector.neighbours(zero)[j], "the zero row's neighbours are the lowest ids");
      assertEquals(1f, vector.distances(zero)[j], 0f);
    }
  }

  @ParameterizedTest
  @CsvSource({"VECTOR", "BLAS", "JAVA"})
  void everyRowIsEmbeddedWithDuplicatesAndAZeroRow(GraphSearch graph) {
    int n = 400;
    int d = 12;
    float[] x = withDuplicatesAndAZeroRow(n, d, 5);
    UmapOptions o = UmapOptions.defaults().withEpochs(50).withThreads(2);
    KnnGraph g = search(graph, x, n, d, o.nNeighbors() - 1, 2);
    Projection p = new UmapProjector(o).project(g, Progress.NONE);
    assertEquals(n, p.size());
    UmapProjectorTest.assertAllFinite(p);
  }

  @ParameterizedTest
  @CsvSource({"1", "2"})
  void theDefaultReportsTheNeighbourGraphStage(int threads) {
    float[] x = withDuplicatesAndAZeroRow(300, 8, 9);
    List<String> stages = new ArrayList<>();
    Progress record =
        new Progress() {
          @Override
          public void update(String stage, long done, long total) {
            if (!stages.contains(stage)) {
              stages.add(stage);
            }
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    try (Workers w = new Workers(threads)) {
      GraphSearch.configured().search(x, 300, 8, 14, w, record);
    }
    assertEquals(List.of(GraphSearch.STAGE), stages);
    assertEquals(GraphSearch.VECTOR, GraphSearch.configured(), "the tests run with the module");
  }

  private static KnnGraph search(GraphSearch g, float[] x, int n, int d, int k, int threads) {
    try (Workers w = new Workers(threads)) {
      return g.search(x, n, d, k, w, Progress.NONE);
    }
  }

  /** The same ids, except that neighbours whose distances are within 1e-5 may swap places. */
  private static void assertSameUpToTies(KnnGraph want, KnnGraph got, int row) {
    float[] wd = want.distances(row);
    float[] gd = got.distances(row);
    int[] wi = want.neighbours(row);
    int[] gi = got.neighbours(row);
    int k = wd.length;
    for (int j = 0; j < k; j++) {
      assertEquals(wd[j], gd[j], 1e-5f, "row " + row + " rank " + j);
      if (wi[j] != gi[j]) {
        // the other graph has it at a place with (nearly) the same distance, or just past the end
        boolean nearTie = false;
        for (int t = 0; t < k; t++) {
          nearTie |= gi[t] == wi[j] && Math.abs(gd[t] - wd[j]) <= 1e-5f;
        }
        nearTie |= Math.abs(wd[j] - wd[k - 1]) <= 1e-5f;
        assertTrue(nearTie, "row " + row + ": neighbour " + wi[j] + " differs beyond a near-tie");
      }
    }
  }

  /** Gaussian rows (not normalised) with row 2 a copy of row 1 and the last row all zeros. */
  static float[] withDuplicatesAndAZeroRow(int n, int d, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    if (n > 2) {
      System.arraycopy(x, d, x, 2 * d, d);
    }
    Arrays.fill(x, (n - 1) * d, n * d, 0f);
    return x;
  }
}

package org.databoost.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactSearchTest {
  private static final ExactSearch SCALAR =
      ExactSearch.create().withKernel(ScalarKernel.INSTANCE).optThreads(1);

  @Test
  void theTestJvmHasTheVectorApi() {
    assertTrue(Kernels.vectorApiAvailable(), "surefire's argLine must add jdk.incubator.vector");
    assertTrue(ExactSearch.create().kernelName().startsWith("vector-api"));
  }

  @ParameterizedTest
  @CsvSource({
    "1, 7, 3, 3", // fewer rows than a vector, d below the vector length
    "37, 301, 255, 10", // d and N not multiples of anything
    "13, 1000, 256, 10",
    "5, 9000, 17, 5", // few queries: the rows are split between threads
    "64, 4099, 64, 20",
    "200, 1001, 255, 10", // enough queries per block for the transposed-tile kernel
    "130, 333, 7, 4"
  })
  void vectorKernelFindsTheSameNeighboursAsTheScalarReference(int nq, int n, int dim, int k) {
    Vectors base = Fixtures.gaussian(n, dim, 11 + dim);
    Vectors queries = Fixtures.gaussian(nq, dim, 99 + dim);
    Neighbors want = SCALAR.search(queries, base, k, Progress.NONE);
    for (int threads : new int[] {1, 2, 3}) {
      Neighbors got =
          ExactSearch.create().optThreads(threads).search(queries, base, k, Progress.NONE);
      assertSame(want, got);
    }
  }

  @Test
  void neighboursAreBestFirstAndMatchABruteForceSort() {
    Vectors base = Fixtures.gaussian(500, 24, 1);
    Vectors queries = Fixtures.gaussian(3, 24, 2);
    Neighbors got = ExactSearch.knn(queries, base, 500, Progress.NONE);
    assertEquals(500, got.k());
    for (int q = 0; q < 3; q++) {
      for (int j = 1; j < 500; j++) {
        assertTrue(got.similarity(q, j - 1) >= got.similarity(q, j));
      }
      float direct = ScalarKernel.INSTANCE.dot(queries.row(q), 0, base.row(got.id(q, 0)), 0, 24);
      assertEquals(direct, got.similarity(q, 0), 1e-5);
    }
  }

  @Test
  void selfSearchLeavesOutEachRowItself() {
    Vectors base = Fixtures.gaussian(300, 32, 5);
    Neighbors self = ExactSearch.knnSelf(base, 5, Progress.NONE);
    Neighbors plain = ExactSearch.knn(base, base, 6, Progress.NONE);
    for (int q = 0; q < 300; q++) {
      assertEquals(q, plain.id(q, 0), "a unit row is its own best match");
      for (int j = 0; j < 5; j++) {
        assertTrue(self.id(q, j) != q);
        assertEquals(plain.id(q, j + 1), self.id(q, j));
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "2, 3, 1, 1",
    "3, 5, 2, 2",
    "19, 8, 18, 2", // k = n - 1: every other row
    "301, 255, 10, 1",
    "1001, 64, 15, 2", // several blocks per worker: the other-row heaps merge
    "1001, 64, 15, 3",
    "4099, 17, 7, 2"
  })
  void selfSearchScoresEachPairOnceAndGivesTheSameAnswer(int n, int dim, int k, int threads) {
    Vectors base = withDuplicatesAndAZeroRow(n, dim, 31 + n);
    for (ExactSearch search : new ExactSearch[] {ExactSearch.create(), SCALAR}) {
      ExactSearch s = search.optThreads(threads);
      Neighbors want = s.searchSelfEveryPair(base, k, Progress.NONE);
      Neighbors got = s.searchSelf(base, k, Progress.NONE);
      assertSame(want, got);
      for (int q = 0; q < n; q++) {
        for (int j = 0; j < got.k(); j++) {
          assertTrue(got.id(q, j) != q, "row " + q + " lists itself");
        }
      }
    }
  }

  @Test
  void selfSearchKeepsDuplicatesAndAZeroRowTiesByLowerId() {
    Vectors base = withDuplicatesAndAZeroRow(50, 6, 4);
    Neighbors got = ExactSearch.create().optThreads(2).searchSelf(base, 4, Progress.NONE);
    // row 2 is a copy of row 1 and row 7 of row 3: each lists its twin first, at similarity 1
    assertEquals(2, got.id(1, 0));
    assertEquals(1, got.id(2, 0));
    assertEquals(7, got.id(3, 0));
    assertEquals(1f, got.similarity(2, 0), 1e-6f);
    // the zero row is equally far (similarity 0) from every row: the lowest other ids win
    int zero = 50 - 1;
    assertArrayEquals(new int[] {0, 1, 2, 3}, got.ids(zero));
    assertArrayEquals(new float[] {0, 0, 0, 0}, got.similarities(zero), 0f);
  }

  /** Unit Gaussian rows with row 2 a copy of row 1, row 7 of row 3, and the last row all zeros. */
  static Vectors withDuplicatesAndAZeroRow(int n, int dim, long seed) {
    float[] data = new float[n * dim];
    Fixtures.gaussian(n, dim, seed).copyRows(0, n, data, 0);
    if (n > 2) {
      System.arraycopy(data, dim, data, 2 * dim, dim);
    }
    if (n > 7) {
      System.arraycopy(data, 3 * dim, data, 7 * dim, dim);
    }
    Arrays.fill(data, (n - 1) * dim, n * dim, 0f);
    return Vectors.wrap(data, n, dim);
  }

  @ParameterizedTest
  @CsvSource({"1", "2"})
  void duplicatesTieAndBreakByLowerId(int threads) {
    float[][] rows = new float[80][];
    for (int r = 0; r < 80; r++) {
      rows[r] = r % 4 == 1 ? new float[] {1, 0, 0, 0, 0} : new float[] {0, 0, 1, 0, 0};
    }
    Vectors base = Vectors.of(rows);
    Vectors query = Vectors.of(new float[][] {{0.5f, 0, 0, 0, 0}});
    Neighbors got = ExactSearch.create().optThreads(2).search(query, base, 4, Progress.NONE);
    assertArrayEquals(new int[] {1, 5, 9, 13}, got.ids(0));
    Neighbors self = ExactSearch.create().optThreads(threads).searchSelf(base, 3, Progress.NONE);
    assertArrayEquals(new int[] {1, 9, 13}, self.ids(5));
    assertArrayEquals(new int[] {0, 2, 3}, self.ids(79));
  }

  @Test
  void kLargerThanTheBaseIsCapped() {
    Vectors base = Fixtures.gaussian(4, 8, 3);
    assertEquals(4, ExactSearch.knn(base, base, 10, Progress.NONE).k());
    assertEquals(3, ExactSearch.knnSelf(base, 10, Progress.NONE).k());
  }

  @Test
  void emptyInputsGiveEmptyResults() {
    Vectors none = Vectors.wrap(new float[0], 0, 8);
    Vectors some = Fixtures.gaussian(5, 8, 3);
    assertEquals(0, ExactSearch.knn(none, some, 3, Progress.NONE).queries());
    Neighbors noBase = ExactSearch.knn(some, none, 3, Progress.NONE);
    assertEquals(5, noBase.queries());
    assertEquals(0, noBase.k());
    assertEquals(0, ExactSearch.knn(some, some, 0, Progress.NONE).k());
    assertEquals(0, ExactSearch.knnSelf(none, 3, Progress.NONE).queries());
  }

  @Test
  void mismatchedDimensionsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ExactSearch.knn(
                Fixtures.gaussian(2, 8, 1), Fixtures.gaussian(3, 9, 1), 1, Progress.NONE));
  }

  @Test
  void cancellingStopsTheSearch() {
    Vectors base = Fixtures.gaussian(20_000, 64, 7);
    AtomicInteger polls = new AtomicInteger();
    Progress cancelSoon =
        new Progress() {
          @Override
          public void update(String stage, long done, long total) {}

          @Override
          public boolean isCancelled() {
            return polls.incrementAndGet() > 1;
          }
        };
    assertThrows(
        CancelledException.class,
        () ->
            ExactSearch.create()
                .withKernel(ScalarKernel.INSTANCE)
                .searchSelf(base, 10, cancelSoon));
  }

  static void assertSame(Neighbors want, Neighbors got) {
    assertEquals(want.queries(), got.queries());
    assertEquals(want.k(), got.k());
    for (int q = 0; q < want.queries(); q++) {
      assertArrayEquals(want.ids(q), got.ids(q), "query " + q);
      assertArrayEquals(want.similarities(q), got.similarities(q), 1e-5f, "query " + q);
    }
  }
}

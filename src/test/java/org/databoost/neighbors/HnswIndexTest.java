package org.databoost.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;

class HnswIndexTest {
  /**
   * ef 128: on these 48-dimensional clusters ef 64 reaches about 0.92 recall@10, as hnswlib itself
   * does on the same rows (0.9185; 0.977 at ef 128).
   */
  private static final HnswIndex.Settings SETTINGS = new HnswIndex.Settings(16, 200, 128, 2, 7);

  @Test
  void recallAtTenAgainstExactSearchIsAtLeast95Percent() {
    Vectors base = Fixtures.clustered(4000, 48, 10, 0.35, 3);
    Vectors queries = Fixtures.clustered(200, 48, 10, 0.35, 4);
    HnswIndex index = HnswIndex.build(base, SETTINGS, Progress.NONE);
    Neighbors exact = ExactSearch.knn(queries, base, 10, Progress.NONE);
    Neighbors approx = index.searchAll(queries, 10, Progress.NONE);
    double recall = approx.recall(exact.idMatrix(), 10);
    assertTrue(recall >= 0.95, "recall@10 " + recall);
    for (int q = 0; q < 200; q++) {
      for (int j = 1; j < 10; j++) {
        assertTrue(approx.similarity(q, j - 1) >= approx.similarity(q, j));
      }
    }
  }

  @Test
  void aSingleSearchAgreesWithTheBatch() {
    Vectors base = Fixtures.clustered(1500, 16, 5, 0.3, 8);
    HnswIndex index = HnswIndex.build(base, SETTINGS, Progress.NONE);
    Vectors queries = Fixtures.clustered(5, 16, 5, 0.3, 9);
    Neighbors batch = index.searchAll(queries, 5, Progress.NONE);
    for (int q = 0; q < 5; q++) {
      assertArrayEquals(batch.ids(q), index.search(queries.row(q), 5).ids(0));
    }
  }

  @Test
  void aRowFindsItselfFirst() {
    Vectors base = Fixtures.gaussian(800, 32, 10);
    HnswIndex index = HnswIndex.build(base, SETTINGS, Progress.NONE);
    int found = 0;
    for (int r = 0; r < 800; r++) {
      found += index.search(base.row(r), 1).id(0, 0) == r ? 1 : 0;
    }
    assertTrue(found >= 790, found + " of 800 rows found themselves");
  }

  @Test
  void tinyAndEmptyIndexes() {
    HnswIndex empty = HnswIndex.build(Vectors.wrap(new float[0], 0, 4), SETTINGS, Progress.NONE);
    assertEquals(0, empty.search(new float[4], 3).k());
    Vectors two = Vectors.of(new float[][] {{1, 0}, {0, 1}});
    HnswIndex index = HnswIndex.build(two, SETTINGS, Progress.NONE);
    assertArrayEquals(new int[] {1, 0}, index.search(new float[] {0.1f, 1}, 5).ids(0));
  }

  @Test
  void cancellingStopsTheBuild() {
    Vectors base = Fixtures.gaussian(20_000, 64, 1);
    Progress cancelled =
        new Progress() {
          @Override
          public void update(String stage, long done, long total) {}

          @Override
          public boolean isCancelled() {
            return true;
          }
        };
    assertThrows(CancelledException.class, () -> HnswIndex.build(base, SETTINGS, cancelled));
  }
}

package org.databoost.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.databoost.embedding.RawPixelEmbedder;
import org.databoost.neighbors.ExactSearch;
import org.databoost.neighbors.HnswIndex;
import org.databoost.neighbors.Neighbors;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusSearchTest {
  @TempDir Path tmp;

  @Test
  void streamedSearchOverShardsEqualsOneSearchOverAllRowsAndHnswRecallsIt() throws IOException {
    Path images = CorpusFixtures.labelled(tmp.resolve("images"), 4, 25, 3);
    java.nio.file.Files.write(images.resolve("label0/zz-broken.png"), new byte[] {1, 2, 3});
    CorpusRegistry registry = new CorpusRegistry(tmp.resolve("corpora"));
    Corpus c = registry.add("c", images, CorpusRegistry.Labels.parse("auto"), 16, Progress.NONE);
    RawPixelEmbedder e = new RawPixelEmbedder();
    ShardStore store = new CorpusEmbedding(DiskSpace.REAL).run(c, e, false, Progress.NONE).store();

    int dim = store.dim();
    float[] all = new float[(int) c.rows() * dim];
    for (int s = 0; s < store.shards(); s++) {
      Vectors v = store.vectors(s);
      v.copyRows(0, v.rows(), all, s * 16 * dim);
    }
    Vectors base = Vectors.wrap(all, (int) c.rows(), dim);
    Vectors queries = Vectors.wrap(java.util.Arrays.copyOf(all, 5 * dim), 5, dim);
    ExactSearch exact = ExactSearch.create().optThreads(2);

    Neighbors streamed = new CorpusSearch(store, exact).exact(queries, 10, Progress.NONE);
    Neighbors direct = exact.search(queries, base, 10, Progress.NONE);
    for (int q = 0; q < 5; q++) {
      assertArrayEquals(direct.ids(q), streamed.ids(q));
      assertArrayEquals(direct.similarities(q), streamed.similarities(q), 1e-6f);
      assertEquals(q, streamed.id(q, 0));
      for (int id : streamed.ids(q)) {
        assertTrue(store.row(id).ok(), "a failed row is never a neighbour");
      }
    }

    CorpusSearch.Index index =
        new CorpusSearch(store, exact)
            .buildIndex(HnswIndex.Settings.defaults().withThreads(2).withEf(100), Progress.NONE);
    assertEquals(100, index.rowIds().length);
    Neighbors approx = index.search(queries, 10, Progress.NONE);
    assertTrue(
        approx.recall(streamed.idMatrix(), 10) >= 0.9, "" + approx.recall(streamed.idMatrix(), 10));
  }
}

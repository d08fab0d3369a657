package org.databoost.corpus;

import java.io.IOException;
import org.databoost.neighbors.ExactSearch;
import org.databoost.neighbors.HnswIndex;
import org.databoost.neighbors.Neighbors;
import org.databoost.neighbors.StreamedSearch;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;

/**
 * Nearest corpus rows to query vectors: exact, streamed over the memory-mapped shards (the Vector
 * API kernel per shard and a top-k merge; memory is the queries and the heaps, whatever the corpus
 * size), or through an HNSW index built on request over the rows that were embedded. Ids are the
 * corpus's row numbers (listing order).
 */
public final class CorpusSearch {
  private final ShardStore store;
  private final ExactSearch exact;

  public CorpusSearch(ShardStore store, ExactSearch exact) {
    this.store = store;
    this.exact = exact;
  }

  /** The exact k nearest rows of each query. */
  public Neighbors exact(Vectors queries, int k, Progress progress) {
    return StreamedSearch.search(exact, queries, store.allVectors(), store.shards(), k, progress);
  }

  /** An HNSW index over the embedded rows (failed rows left out), with its row-id map. */
  public record Index(HnswIndex index, int[] rowIds, long buildNanos) {
    public Neighbors search(Vectors queries, int k, Progress progress) {
      return index.searchAll(queries, k, progress).mapIds(rowIds);
    }
  }

  /**
   * Builds the HNSW index; the embedded rows are copied onto the heap (rows x dim floats) because
   * the graph reads them at random.
   */
  public Index buildIndex(HnswIndex.Settings settings, Progress progress) throws IOException {
    long t0 = System.nanoTime();
    int dim = store.dim();
    long rows = store.corpus().rows();
    if (rows * dim > Integer.MAX_VALUE - 8) {
      throw new CorpusException(
          "an HNSW index over "
              + rows
              + " rows of "
              + dim
              + " values does not fit one Java array; use exact search");
    }
    float[] data = new float[(int) (rows * dim)];
    int[] ids = new int[(int) rows];
    int n = 0;
    float[] buf = new float[store.corpus().shardRows() * dim];
    long base = 0;
    for (int s = 0; s < store.shards(); s++) {
      progress.checkCancelled();
      Vectors v = store.vectors(s);
      v.copyRows(0, v.rows(), buf, 0);
      for (int r = 0; r < v.rows(); r++) {
        if (!Float.isNaN(buf[r * dim])) {
          System.arraycopy(buf, r * dim, data, n * dim, dim);
          ids[n++] = (int) (base + r);
        }
      }
      base += v.rows();
    }
    float[] packed = n == rows ? data : java.util.Arrays.copyOf(data, n * dim);
    int[] rowIds = java.util.Arrays.copyOf(ids, n);
    HnswIndex index = HnswIndex.build(Vectors.wrap(packed, n, dim), settings, progress);
    return new Index(index, rowIds, System.nanoTime() - t0);
  }
}

package org.databoost.neighbors;

import java.util.Arrays;
import java.util.Iterator;
import org.databoost.task.Progress;

/**
 * Exact k-NN over a base that never needs to be in memory at once: the base comes as consecutive
 * parts (for example memory-mapped shards of a corpus), each part is searched with {@link
 * ExactSearch} (the Vector API kernel) and its top k merged into one bounded heap per query. Ids
 * are global: the rows of part p are numbered after all rows of the parts before it.
 */
public final class StreamedSearch {
  /** Reported to {@link Progress}: parts done of all parts. */
  public static final String STAGE = "Searching shards";

  private StreamedSearch() {}

  /**
   * The k rows most similar to each query over all parts, in the order the parts come.
   *
   * @param partCount how many parts {@code parts} yields (for progress)
   */
  public static Neighbors search(
      ExactSearch search,
      Vectors queries,
      Iterator<Vectors> parts,
      int partCount,
      int k,
      Progress progress) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0: " + k);
    }
    int nq = queries.rows();
    TopK[] merged = new TopK[nq];
    for (int q = 0; q < nq; q++) {
      merged[q] = new TopK(k, -1);
    }
    long offset = 0;
    int done = 0;
    while (parts.hasNext()) {
      progress.checkCancelled();
      Vectors part = parts.next();
      if (offset + part.rows() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("more than 2^31 rows: search in several calls");
      }
      if (part.rows() > 0 && nq > 0) {
        Neighbors r = search.search(queries, part, k, Progress.NONE);
        for (int q = 0; q < nq; q++) {
          for (int j = 0; j < r.k(); j++) {
            int id = r.id(q, j);
            if (id >= 0) {
              merged[q].offer(r.similarity(q, j), (int) offset + id);
            }
          }
        }
      }
      offset += part.rows();
      progress.update(STAGE, ++done, partCount);
    }
    int kk = (int) Math.min(k, offset);
    int[] ids = new int[nq * kk];
    float[] sims = new float[nq * kk];
    for (int q = 0; q < nq; q++) {
      int got = merged[q].drainSorted(ids, sims, q * kk);
      Arrays.fill(ids, q * kk + got, (q + 1) * kk, -1);
      Arrays.fill(sims, q * kk + got, (q + 1) * kk, Float.NaN);
    }
    return new Neighbors(nq, kk, ids, sims);
  }
}

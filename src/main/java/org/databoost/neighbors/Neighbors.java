package org.databoost.neighbors;

import java.util.HashSet;
import java.util.Set;

/**
 * The k nearest neighbours of each query, best first (higher cosine similarity first; equal
 * similarities by lower id). Where a query has fewer than k candidates (rows with NaN values are
 * skipped), the missing places hold id -1 and similarity NaN.
 */
public final class Neighbors {
  private final int queries;
  private final int k;
  private final int[] ids;
  private final float[] similarities;

  Neighbors(int queries, int k, int[] ids, float[] similarities) {
    this.queries = queries;
    this.k = k;
    this.ids = ids;
    this.similarities = similarities;
  }

  public int queries() {
    return queries;
  }

  /** Neighbours per query: the requested k, capped at the number of candidate rows. */
  public int k() {
    return k;
  }

  public int id(int query, int rank) {
    return ids[index(query, rank)];
  }

  public float similarity(int query, int rank) {
    return similarities[index(query, rank)];
  }

  /** A copy of one query's neighbour ids, best first. */
  public int[] ids(int query) {
    int[] out = new int[k];
    System.arraycopy(ids, checkQuery(query) * k, out, 0, k);
    return out;
  }

  /** A copy of one query's similarities, best first. */
  public float[] similarities(int query) {
    float[] out = new float[k];
    System.arraycopy(similarities, checkQuery(query) * k, out, 0, k);
    return out;
  }

  /** All ids as [query][rank]. */
  public int[][] idMatrix() {
    int[][] out = new int[queries][];
    for (int q = 0; q < queries; q++) {
      out[q] = ids(q);
    }
    return out;
  }

  /**
   * Mean fraction of the first {@code k} true neighbours found among this result's first {@code k};
   * {@code truth[q]} lists query q's exact neighbours best first.
   */
  public double recall(int[][] truth, int k) {
    if (queries == 0 || k == 0) {
      return 1.0;
    }
    long hits = 0;
    for (int q = 0; q < queries; q++) {
      Set<Integer> want = new HashSet<>();
      for (int j = 0; j < k; j++) {
        want.add(truth[q][j]);
      }
      for (int j = 0; j < Math.min(k, this.k); j++) {
        if (want.contains(ids[q * this.k + j])) {
          hits++;
        }
      }
    }
    return (double) hits / ((long) queries * k);
  }

  /** The same result with every id {@code i >= 0} replaced by {@code map[i]}. */
  public Neighbors mapIds(int[] map) {
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = ids[i] < 0 ? ids[i] : map[ids[i]];
    }
    return new Neighbors(queries, k, out, similarities.clone());
  }

  private int checkQuery(int query) {
    if (query < 0 || query >= queries) {
      throw new IndexOutOfBoundsException("query " + query + " of " + queries);
    }
    return query;
  }

  private int index(int query, int rank) {
    if (query < 0 || query >= queries || rank < 0 || rank >= k) {
      throw new IndexOutOfBoundsException("query " + query + ", rank " + rank);
    }
    return query * k + rank;
  }
}

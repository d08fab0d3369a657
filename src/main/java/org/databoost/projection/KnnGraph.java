package org.databoost.projection;

/**
 * A precomputed k-nearest-neighbour graph: for each row its {@code k} nearest other rows, nearest
 * first, with their cosine distances ({@code 1 - cosine similarity}). The row itself is never
 * listed. This is the seam where a faster neighbour search plugs into {@link UmapProjector}.
 */
public interface KnnGraph {

  /** Number of rows. */
  int size();

  /** Neighbours per row (self excluded). */
  int k();

  /** The ids of row {@code row}'s neighbours, nearest first; the array is not copied. */
  int[] neighbours(int row);

  /** Cosine distances matching {@link #neighbours(int)}, non-decreasing; not copied. */
  float[] distances(int row);

  /**
   * Wraps arrays {@code ids[n][k]} and {@code distances[n][k]} (cosine distance, nearest first,
   * self excluded), checking their shape and ids.
   */
  static KnnGraph of(int[][] ids, float[][] distances) {
    return ArrayKnnGraph.checked(ids, distances);
  }

  /**
   * Wraps {@code ids[n][k]} and cosine <em>similarities</em> {@code sims[n][k]} (largest first), as
   * search libraries usually return them.
   */
  static KnnGraph ofSimilarities(int[][] ids, float[][] sims) {
    float[][] dist = new float[sims.length][];
    for (int i = 0; i < sims.length; i++) {
      dist[i] = new float[sims[i].length];
      for (int j = 0; j < sims[i].length; j++) {
        dist[i][j] = Math.max(0f, 1f - sims[i][j]);
      }
    }
    return ArrayKnnGraph.checked(ids, dist);
  }
}

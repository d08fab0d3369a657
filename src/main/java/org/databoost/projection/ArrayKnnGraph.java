package org.databoost.projection;

/** {@link KnnGraph} over plain arrays. */
record ArrayKnnGraph(int[][] ids, float[][] dist) implements KnnGraph {

  static ArrayKnnGraph checked(int[][] ids, float[][] dist) {
    if (ids.length != dist.length) {
      throw new IllegalArgumentException(
          "ids has " + ids.length + " rows but distances " + dist.length);
    }
    int n = ids.length;
    int k = n == 0 ? 0 : ids[0].length;
    for (int i = 0; i < n; i++) {
      if (ids[i].length != k || dist[i].length != k) {
        throw new IllegalArgumentException("row " + i + " does not have " + k + " neighbours");
      }
      for (int j = 0; j < k; j++) {
        int id = ids[i][j];
        if (id < 0 || id >= n || id == i) {
          throw new IllegalArgumentException("row " + i + " lists invalid neighbour " + id);
        }
        float d = dist[i][j];
        if (!(d >= 0f) || (j > 0 && d < dist[i][j - 1])) {
          throw new IllegalArgumentException(
              "row " + i + ": distances must be finite, >= 0 and non-decreasing");
        }
      }
    }
    return new ArrayKnnGraph(ids, dist);
  }

  @Override
  public int size() {
    return ids.length;
  }

  @Override
  public int k() {
    return ids.length == 0 ? 0 : ids[0].length;
  }

  @Override
  public int[] neighbours(int row) {
    return ids[row];
  }

  @Override
  public float[] distances(int row) {
    return dist[row];
  }
}

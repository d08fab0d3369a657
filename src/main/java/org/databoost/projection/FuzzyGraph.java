package org.databoost.projection;

import java.util.Arrays;

/**
 * UMAP's fuzzy simplicial set of a k-NN graph, as umap-learn builds it: per row the distance to the
 * nearest neighbour (rho) and a bandwidth (sigma) found by binary search so that the memberships
 * sum to log2(nNeighbors); memberships {@code exp(-(d - rho) / sigma)}; symmetrised by the fuzzy
 * union {@code a + b - a b}. Stored as undirected edges {@code (from < to)}.
 */
record FuzzyGraph(int n, int[] from, int[] to, float[] weight) {
  private static final int ITERATIONS = 64;
  private static final double TOLERANCE = 1e-5;
  private static final double MIN_K_DIST_SCALE = 1e-3;

  int edges() {
    return from.length;
  }

  /**
   * @param nNeighbors umap-learn's n_neighbors (the graph's k plus the point itself)
   */
  static FuzzyGraph of(KnnGraph g, int nNeighbors) {
    int n = g.size();
    int k = g.k();
    double target = Math.log(nNeighbors) / Math.log(2);
    double meanAll = 0;
    for (int i = 0; i < n; i++) {
      for (float d : g.distances(i)) {
        meanAll += d;
      }
    }
    meanAll /= Math.max(1, (long) n * k);
    float[][] member = new float[n][];
    for (int i = 0; i < n; i++) {
      member[i] = memberships(g.distances(i), target, meanAll);
    }
    // fuzzy union; an edge listed by both ends is kept once, at its smaller end
    int count = 0;
    int[] from = new int[n * k];
    int[] to = new int[n * k];
    float[] w = new float[n * k];
    for (int i = 0; i < n; i++) {
      int[] nb = g.neighbours(i);
      for (int j = 0; j < k; j++) {
        int o = nb[j];
        float a = member[i][j];
        float b = lookup(g.neighbours(o), member[o], i);
        if (b >= 0 && o < i) {
          continue; // counted from o's side
        }
        float u = b >= 0 ? a + b - a * b : a;
        if (u > 0) {
          from[count] = Math.min(i, o);
          to[count] = Math.max(i, o);
          w[count] = u;
          count++;
        }
      }
    }
    return new FuzzyGraph(
        n, Arrays.copyOf(from, count), Arrays.copyOf(to, count), Arrays.copyOf(w, count));
  }

  private static float lookup(int[] ids, float[] values, int id) {
    for (int j = 0; j < ids.length; j++) {
      if (ids[j] == id) {
        return values[j];
      }
    }
    return -1f;
  }

  /** umap-learn's smooth_knn_dist and compute_membership_strengths for one row. */
  static float[] memberships(float[] dist, double target, double meanAll) {
    int k = dist.length;
    double rho = 0;
    double mean = 0;
    for (float d : dist) {
      mean += d;
    }
    mean /= Math.max(1, k + 1); // umap-learn's row includes the point itself at distance 0
    for (float d : dist) {
      if (d > 0) {
        rho = d;
        break;
      }
    }
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    double mid = 1;
    for (int it = 0; it < ITERATIONS; it++) {
      double psum = 0;
      for (float d : dist) {
        double x = d - rho;
        psum += x > 0 ? Math.exp(-x / mid) : 1.0;
      }
      if (Math.abs(psum - target) < TOLERANCE) {
        break;
      }
      if (psum > target) {
        hi = mid;
        mid = (lo + hi) / 2;
      } else {
        lo = mid;
        mid = hi == Double.POSITIVE_INFINITY ? mid * 2 : (lo + hi) / 2;
      }
    }
    double sigma = mid;
    double floor = MIN_K_DIST_SCALE * (rho > 0 ? mean : meanAll);
    if (sigma < floor) {
      sigma = floor;
    }
    float[] m = new float[k];
    for (int j = 0; j < k; j++) {
      double x = dist[j] - rho;
      m[j] = (float) (x <= 0 || sigma == 0 ? 1.0 : Math.exp(-x / sigma));
    }
    return m;
  }
}

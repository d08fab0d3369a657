package org.databoost.projection;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/** Tiny generated fixtures: Gaussian blobs around random unit directions. */
final class Blobs {
  private Blobs() {}

  /**
   * {@code clusters} blobs of {@code perCluster} rows in {@code d} dimensions, row-major; the noise
   * is small against the distance between centres, so the clusters are far apart.
   */
  static float[] make(int clusters, int perCluster, int d, double noise, long seed) {
    Random r = new Random(seed);
    float[] x = new float[clusters * perCluster * d];
    for (int c = 0; c < clusters; c++) {
      double[] centre = new double[d];
      for (int j = 0; j < d; j++) {
        centre[j] = r.nextGaussian();
      }
      for (int p = 0; p < perCluster; p++) {
        int row = c * perCluster + p;
        for (int j = 0; j < d; j++) {
          x[row * d + j] = (float) (centre[j] + noise * r.nextGaussian());
        }
      }
    }
    return x;
  }

  /** Trustworthiness at {@code k} (Venna and Kaski), cosine in high dimension, L2 in 2-D. */
  static double trustworthiness(float[] x, int n, int d, Projection p, int k) {
    double[][] cos = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double dot = 0, ni = 0, nj = 0;
        for (int t = 0; t < d; t++) {
          dot += x[i * d + t] * x[j * d + t];
          ni += x[i * d + t] * x[i * d + t];
          nj += x[j * d + t] * x[j * d + t];
        }
        cos[i][j] = 1 - dot / Math.sqrt(ni * nj);
      }
    }
    double penalty = 0;
    for (int i = 0; i < n; i++) {
      int fi = i;
      Integer[] hi = order(n, j -> cos[fi][j]);
      int[] rank = new int[n];
      for (int r = 0; r < n; r++) {
        rank[hi[r]] = r; // hi[0] is i itself
      }
      Integer[] lo = order(n, j -> Math.hypot(p.x()[fi] - p.x()[j], p.y()[fi] - p.y()[j]));
      int taken = 0;
      for (int r = 0; r < n && taken < k; r++) {
        int j = lo[r];
        if (j == i) {
          continue;
        }
        taken++;
        if (rank[j] > k) {
          penalty += rank[j] - k;
        }
      }
    }
    return 1 - 2.0 / (n * k * (2.0 * n - 3 * k - 1)) * penalty;
  }

  private static Integer[] order(int n, IntToDoubleFunction key) {
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(key.applyAsDouble(a), key.applyAsDouble(b)));
    return idx;
  }
}

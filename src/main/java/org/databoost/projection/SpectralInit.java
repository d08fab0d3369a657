package org.databoost.projection;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Initial 2-D positions: per connected component, the two leading non-trivial eigenvectors of the
 * normalised adjacency {@code D^-1/2 W D^-1/2} (umap-learn's spectral layout), found by a seeded
 * block power iteration that orthogonalises within each component; tiny components (and any
 * numerical failure) get random positions. Each component is scaled to a square whose side grows
 * with the square root of its size, and the squares are packed side by side, largest first, so that
 * no component hides another.
 */
final class SpectralInit {
  private static final int ITERATIONS = 150;
  private static final int MIN_SPECTRAL = 8;

  private SpectralInit() {}

  /** Returns interleaved x, y for every row. */
  static float[] layout(FuzzyGraph g, Components comp, long seed) {
    int n = g.n();
    int cc = comp.count();
    int[] of = comp.of();
    double[] deg = new double[n];
    for (int e = 0; e < g.edges(); e++) {
      deg[g.from()[e]] += g.weight()[e];
      deg[g.to()[e]] += g.weight()[e];
    }
    double[] invSqrt = new double[n];
    double[] trivial = new double[n];
    for (int i = 0; i < n; i++) {
      invSqrt[i] = deg[i] > 0 ? 1 / Math.sqrt(deg[i]) : 0;
      trivial[i] = Math.sqrt(deg[i]);
    }
    normalisePer(trivial, of, cc);
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] v1 = new double[n];
    double[] v2 = new double[n];
    for (int i = 0; i < n; i++) {
      v1[i] = rnd.nextDouble() - 0.5;
      v2[i] = rnd.nextDouble() - 0.5;
    }
    double[] t1 = new double[n];
    double[] t2 = new double[n];
    for (int it = 0; it < ITERATIONS; it++) {
      // t = (v + M v) / 2: eigenvalues of M in [-1, 1] shift to [0, 1]
      System.arraycopy(v1, 0, t1, 0, n);
      System.arraycopy(v2, 0, t2, 0, n);
      for (int e = 0; e < g.edges(); e++) {
        int a = g.from()[e];
        int b = g.to()[e];
        double w = g.weight()[e] * invSqrt[a] * invSqrt[b];
        t1[a] += w * v1[b];
        t1[b] += w * v1[a];
        t2[a] += w * v2[b];
        t2[b] += w * v2[a];
      }
      for (int i = 0; i < n; i++) {
        v1[i] = t1[i] / 2;
        v2[i] = t2[i] / 2;
      }
      orthogonalisePer(v1, trivial, of, cc);
      normalisePer(v1, of, cc);
      orthogonalisePer(v2, trivial, of, cc);
      orthogonalisePer(v2, v1, of, cc);
      normalisePer(v2, of, cc);
    }
    return pack(v1, v2, comp, rnd);
  }

  private static void orthogonalisePer(double[] v, double[] u, int[] of, int cc) {
    double[] dot = new double[cc];
    for (int i = 0; i < v.length; i++) {
      dot[of[i]] += v[i] * u[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] -= dot[of[i]] * u[i];
    }
  }

  private static void normalisePer(double[] v, int[] of, int cc) {
    double[] ss = new double[cc];
    for (int i = 0; i < v.length; i++) {
      ss[of[i]] += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) {
      double s = ss[of[i]];
      v[i] = s > 0 ? v[i] / Math.sqrt(s) : 0;
    }
  }

  private static float[] pack(double[] v1, double[] v2, Components comp, SplittableRandom rnd) {
    int n = v1.length;
    int cc = comp.count();
    int[] of = comp.of();
    double[] min1 = new double[cc],
        max1 = new double[cc],
        min2 = new double[cc],
        max2 = new double[cc];
    Arrays.fill(min1, Double.POSITIVE_INFINITY);
    Arrays.fill(min2, Double.POSITIVE_INFINITY);
    Arrays.fill(max1, Double.NEGATIVE_INFINITY);
    Arrays.fill(max2, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      int c = of[i];
      min1[c] = Math.min(min1[c], v1[i]);
      max1[c] = Math.max(max1[c], v1[i]);
      min2[c] = Math.min(min2[c], v2[i]);
      max2[c] = Math.max(max2[c], v2[i]);
    }
    int largest = comp.sizes()[0];
    double[] side = new double[cc];
    boolean[] spectral = new boolean[cc];
    double area = 0;
    for (int c = 0; c < cc; c++) {
      side[c] = 10 * Math.sqrt(comp.sizes()[c] / (double) largest);
      area += (side[c] + 1) * (side[c] + 1);
      spectral[c] =
          comp.sizes()[c] >= MIN_SPECTRAL
              && max1[c] - min1[c] > 1e-12
              && max2[c] - min2[c] > 1e-12
              && Double.isFinite(max1[c] - min1[c] + max2[c] - min2[c]);
    }
    // shelf packing, components already sorted by size
    double width = Math.max(side[0] + 1, Math.sqrt(area));
    double[] ox = new double[cc], oy = new double[cc];
    double x = 0, y = 0, rowHeight = 0;
    for (int c = 0; c < cc; c++) {
      if (x > 0 && x + side[c] > width) {
        x = 0;
        y += rowHeight + 1;
        rowHeight = 0;
      }
      ox[c] = x;
      oy[c] = y;
      x += side[c] + 1;
      rowHeight = Math.max(rowHeight, side[c]);
    }
    float[] emb = new float[2 * n];
    for (int i = 0; i < n; i++) {
      int c = of[i];
      double u, w;
      if (spectral[c]) {
        u = (v1[i] - min1[c]) / (max1[c] - min1[c]);
        w = (v2[i] - min2[c]) / (max2[c] - min2[c]);
      } else {
        u = rnd.nextDouble();
        w = rnd.nextDouble();
      }
      // a little noise separates rows that the eigenvectors put on the same spot
      emb[2 * i] = (float) (ox[c] + side[c] * u + 1e-4 * (rnd.nextDouble() - 0.5));
      emb[2 * i + 1] = (float) (oy[c] + side[c] * w + 1e-4 * (rnd.nextDouble() - 0.5));
    }
    return emb;
  }
}

package org.databoost.projection;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * Exact cosine k-NN of every row against all rows: L2-normalised copies, dot products in 4 x 4
 * register tiles over cache-sized blocks, a bounded heap per query; query blocks are shared out to
 * the workers. O(n^2 d): about a second at 10K x 256 on two cores; a stand-in until a vectorised
 * search plugs in through {@link KnnGraph}.
 */
final class ExactCosineKnn {
  private static final int QUERY_BLOCK = 64;
  private static final int BASE_BLOCK = 256;

  private ExactCosineKnn() {}

  static KnnGraph search(
      float[] data, int n, int d, int k, Workers workers, Progress progress, String stage) {
    if (k >= n) {
      throw new IllegalArgumentException("k=" + k + " needs more than " + n + " rows");
    }
    int padded = (n + 3) & ~3;
    float[] x = normalisedCopy(data, n, d, padded);
    int[][] ids = new int[n][];
    float[][] dist = new float[n][];
    int blocks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    AtomicBoolean cancelled = new AtomicBoolean();
    progress.update(stage, 0, n);
    workers.runAll(
        part -> {
          float[] heapS = new float[QUERY_BLOCK * k];
          int[] heapI = new int[QUERY_BLOCK * k];
          int b;
          while (!cancelled.get() && (b = next.getAndIncrement()) < blocks) {
            int q0 = b * QUERY_BLOCK;
            int q1 = Math.min(n, q0 + QUERY_BLOCK);
            queryBlock(x, n, padded, d, k, q0, q1, heapS, heapI, ids, dist);
            int done = finished.incrementAndGet();
            if (part == 0) {
              if (progress.isCancelled()) {
                cancelled.set(true);
              }
              progress.update(stage, Math.min(n, (long) done * QUERY_BLOCK), n);
            }
          }
        });
    if (cancelled.get()) {
      throw new CancelledException();
    }
    progress.update(stage, n, n);
    return new ArrayKnnGraph(ids, dist);
  }

  private static float[] normalisedCopy(float[] data, int n, int d, int padded) {
    float[] x = new float[padded * d];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int c = 0; c < d; c++) {
        float v = data[i * d + c];
        s += v * v;
      }
      float inv = s > 0 ? (float) (1 / Math.sqrt(s)) : 0f;
      for (int c = 0; c < d; c++) {
        x[i * d + c] = data[i * d + c] * inv;
      }
    }
    return x;
  }

  private static void queryBlock(
      float[] x,
      int n,
      int padded,
      int d,
      int k,
      int q0,
      int q1,
      float[] heapS,
      int[] heapI,
      int[][] ids,
      float[][] dist) {
    java.util.Arrays.fill(heapS, Float.NEGATIVE_INFINITY);
    java.util.Arrays.fill(heapI, -1);
    int qEnd = (q1 + 3) & ~3; // padded rows are zero vectors, never pushed
    for (int b0 = 0; b0 < padded; b0 += BASE_BLOCK) {
      int b1 = Math.min(padded, b0 + BASE_BLOCK);
      for (int q = q0; q < qEnd; q += 4) {
        int qa = q * d;
        for (int r = b0; r < b1; r += 4) {
          tile(x, qa, r * d, d, q, q1, r, n, k, q0, heapS, heapI);
        }
      }
    }
    for (int q = q0; q < q1; q++) {
      int off = (q - q0) * k;
      int[] qi = new int[k];
      float[] qs = new float[k];
      // pop the min-heap: smallest similarity first, so fill from the back
      int size = k;
      for (int j = k - 1; j >= 0; j--) {
        qi[j] = heapI[off];
        qs[j] = heapS[off];
        size--;
        heapS[off] = heapS[off + size];
        heapI[off] = heapI[off + size];
        siftDown(heapS, heapI, off, size, 0);
      }
      float[] qd = new float[k];
      for (int j = 0; j < k; j++) {
        qd[j] = Math.max(0f, 1f - qs[j]);
        if (j > 0 && qd[j] < qd[j - 1]) {
          qd[j] = qd[j - 1]; // rounding of 1 - s on ties
        }
      }
      ids[q] = qi;
      dist[q] = qd;
    }
  }

  private static void tile(
      float[] x,
      int qa,
      int ra,
      int d,
      int q,
      int qLimit,
      int r,
      int n,
      int k,
      int q0,
      float[] heapS,
      int[] heapI) {
    float s00 = 0, s01 = 0, s02 = 0, s03 = 0;
    float s10 = 0, s11 = 0, s12 = 0, s13 = 0;
    float s20 = 0, s21 = 0, s22 = 0, s23 = 0;
    float s30 = 0, s31 = 0, s32 = 0, s33 = 0;
    int a1 = qa + d, a2 = qa + 2 * d, a3 = qa + 3 * d;
    int b1 = ra + d, b2 = ra + 2 * d, b3 = ra + 3 * d;
    for (int c = 0; c < d; c++) {
      float x0 = x[qa + c], x1 = x[a1 + c], x2 = x[a2 + c], x3 = x[a3 + c];
      float y0 = x[ra + c], y1 = x[b1 + c], y2 = x[b2 + c], y3 = x[b3 + c];
      s00 = Math.fma(x0, y0, s00);
      s01 = Math.fma(x0, y1, s01);
      s02 = Math.fma(x0, y2, s02);
      s03 = Math.fma(x0, y3, s03);
      s10 = Math.fma(x1, y0, s10);
      s11 = Math.fma(x1, y1, s11);
      s12 = Math.fma(x1, y2, s12);
      s13 = Math.fma(x1, y3, s13);
      s20 = Math.fma(x2, y0, s20);
      s21 = Math.fma(x2, y1, s21);
      s22 = Math.fma(x2, y2, s22);
      s23 = Math.fma(x2, y3, s23);
      s30 = Math.fma(x3, y0, s30);
      s31 = Math.fma(x3, y1, s31);
      s32 = Math.fma(x3, y2, s32);
      s33 = Math.fma(x3, y3, s33);
    }
    push4(q, qLimit, r, n, k, q0, heapS, heapI, s00, s01, s02, s03);
    push4(q + 1, qLimit, r, n, k, q0, heapS, heapI, s10, s11, s12, s13);
    push4(q + 2, qLimit, r, n, k, q0, heapS, heapI, s20, s21, s22, s23);
    push4(q + 3, qLimit, r, n, k, q0, heapS, heapI, s30, s31, s32, s33);
  }

  private static void push4(
      int q,
      int qLimit,
      int r,
      int n,
      int k,
      int q0,
      float[] heapS,
      int[] heapI,
      float s0,
      float s1,
      float s2,
      float s3) {
    if (q >= qLimit) {
      return;
    }
    int off = (q - q0) * k;
    push(q, r, n, off, k, heapS, heapI, s0);
    push(q, r + 1, n, off, k, heapS, heapI, s1);
    push(q, r + 2, n, off, k, heapS, heapI, s2);
    push(q, r + 3, n, off, k, heapS, heapI, s3);
  }

  private static void push(int q, int r, int n, int off, int k, float[] hs, int[] hi, float s) {
    if (s > hs[off] && r != q && r < n) {
      hs[off] = s;
      hi[off] = r;
      siftDown(hs, hi, off, k, 0);
    }
  }

  /** Min-heap on similarity (ties: larger id nearer the root, so the smaller id is kept). */
  private static void siftDown(float[] hs, int[] hi, int off, int size, int pos) {
    while (true) {
      int l = 2 * pos + 1;
      if (l >= size) {
        return;
      }
      int c = l;
      int rr = l + 1;
      if (rr < size && less(hs[off + rr], hi[off + rr], hs[off + l], hi[off + l])) {
        c = rr;
      }
      if (!less(hs[off + c], hi[off + c], hs[off + pos], hi[off + pos])) {
        return;
      }
      float ts = hs[off + c];
      int ti = hi[off + c];
      hs[off + c] = hs[off + pos];
      hi[off + c] = hi[off + pos];
      hs[off + pos] = ts;
      hi[off + pos] = ti;
      pos = c;
    }
  }

  private static boolean less(float sa, int ia, float sb, int ib) {
    return sa < sb || (sa == sb && ia > ib);
  }
}

package org.databoost.projection;

import java.util.Arrays;
import org.databoost.task.Progress;

/**
 * Exact cosine k-NN of every row against all rows: L2-normalised copies cut into chunks of {@value
 * #CHUNK} rows, dot products chunk by chunk ({@link BlockScorer}: OpenBLAS or a Java kernel), a
 * bounded min-heap of similarities per query, the rows of a chunk shared out to the workers. O(n^2
 * d). The fallback behind {@link GraphSearch} when the JVM lacks the Vector API module.
 * Deterministic: each query's heap sees the base rows in id order.
 */
final class ExactCosineKnn {
  static final int CHUNK = 1024;

  private ExactCosineKnn() {}

  static KnnGraph search(
      float[] data,
      int n,
      int d,
      int k,
      BlockScorer scorer,
      Workers workers,
      Progress progress,
      String stage) {
    if (k < 1 || k >= n) {
      throw new IllegalArgumentException("k=" + k + " needs 1 <= k < n=" + n);
    }
    float[][] chunks = normalisedChunks(data, n, d);
    float[] scores = new float[CHUNK * CHUNK];
    // one min-heap of similarities per row; block (qc, bc) with bc > qc feeds both its rows
    // (queries of qc) and its columns (queries of bc), so every pair is scored once
    float[] heapS = new float[Math.multiplyExact(n, k)];
    int[] heapI = new int[n * k];
    Arrays.fill(heapS, Float.NEGATIVE_INFINITY);
    Arrays.fill(heapI, -1);
    int parts = workers.threads();
    int m = chunks.length;
    long pairs = (long) m * (m + 1) / 2;
    long done = 0;
    for (int qc = 0; qc < m; qc++) {
      int q0 = qc * CHUNK;
      int qn = Math.min(CHUNK, n - q0);
      int qPadded = (qn + 3) & ~3;
      for (int bc = qc; bc < m; bc++) {
        progress.checkCancelled();
        progress.update(stage, done++, pairs);
        int b0 = bc * CHUNK;
        int bn = Math.min(CHUNK, n - b0);
        float[] q = chunks[qc];
        float[] b = chunks[bc];
        if (scorer.parallel()) {
          workers.runAll(
              part ->
                  scorer.score(
                      q,
                      b,
                      bn,
                      d,
                      scores,
                      rowFrom(qPadded, part, parts),
                      rowFrom(qPadded, part + 1, parts)));
        } else {
          scorer.score(q, b, bn, d, scores, 0, qPadded);
        }
        boolean diagonal = qc == bc;
        workers.runAll(
            part -> {
              int r1 = Math.min(qn, (int) ((long) qn * (part + 1) / parts));
              for (int r = (int) ((long) qn * part / parts); r < r1; r++) {
                select(scores, r * bn, bn, b0, q0 + r, heapS, heapI, (q0 + r) * k, k);
              }
              if (!diagonal) {
                int c0 = (int) ((long) bn * part / parts);
                int c1 = (int) ((long) bn * (part + 1) / parts);
                selectColumns(scores, qn, bn, c0, c1, q0, b0, heapS, heapI, k);
              }
            });
      }
    }
    int[][] ids = new int[n][];
    float[][] dist = new float[n][];
    workers.runAll(
        part -> {
          for (int r = part; r < n; r += parts) {
            drain(heapS, heapI, r * k, k, ids, dist, r);
          }
        });
    progress.update(stage, pairs, pairs);
    return new ArrayKnnGraph(ids, dist);
  }

  /** Start of worker {@code part}'s rows: a multiple of 4, as the scorers need. */
  private static int rowFrom(int rows, int part, int parts) {
    return part >= parts ? rows : (int) ((long) rows * part / parts) & ~3;
  }

  /** Offers row r of the block to the heaps of its columns' rows (queries b0 + c). */
  private static void selectColumns(
      float[] scores, int qn, int bn, int c0, int c1, int q0, int b0, float[] hs, int[] hi, int k) {
    float[] root = new float[c1 - c0];
    for (int c = c0; c < c1; c++) {
      root[c - c0] = hs[(b0 + c) * k];
    }
    for (int r = 0; r < qn; r++) {
      int off = r * bn;
      for (int c = c0; c < c1; c++) {
        float s = scores[off + c];
        if (s > root[c - c0]) {
          int h = (b0 + c) * k;
          hs[h] = s;
          hi[h] = q0 + r;
          siftDown(hs, hi, h, k);
          root[c - c0] = hs[h];
        }
      }
    }
  }

  private static float[][] normalisedChunks(float[] data, int n, int d) {
    int count = (n + CHUNK - 1) / CHUNK;
    float[][] chunks = new float[count][];
    for (int c = 0; c < count; c++) {
      int rows = Math.min(CHUNK, n - c * CHUNK);
      float[] x = new float[((rows + 3) & ~3) * d]; // zero rows pad to a multiple of 4
      for (int r = 0; r < rows; r++) {
        int src = (c * CHUNK + r) * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += (double) data[src + j] * data[src + j];
        }
        float inv = s > 0 ? (float) (1 / Math.sqrt(s)) : 0f;
        for (int j = 0; j < d; j++) {
          x[r * d + j] = data[src + j] * inv;
        }
      }
      chunks[c] = x;
    }
    return chunks;
  }

  private static void select(
      float[] scores, int off, int bn, int b0, int self, float[] hs, int[] hi, int h, int k) {
    float root = hs[h];
    for (int c = 0; c < bn; c++) {
      float s = scores[off + c];
      if (s > root && b0 + c != self) {
        hs[h] = s;
        hi[h] = b0 + c;
        siftDown(hs, hi, h, k);
        root = hs[h];
      }
    }
  }

  /** Empties one query's heap into its rows of the graph, nearest first. */
  private static void drain(
      float[] hs, int[] hi, int h, int k, int[][] ids, float[][] dist, int row) {
    int[] qi = new int[k];
    float[] qd = new float[k];
    for (int j = k - 1, size = k; j >= 0; j--) {
      qi[j] = hi[h];
      qd[j] = Math.max(0f, 1f - hs[h]);
      size--;
      hs[h] = hs[h + size];
      hi[h] = hi[h + size];
      siftDown(hs, hi, h, size);
    }
    for (int j = 1; j < k; j++) {
      qd[j] = Math.max(qd[j], qd[j - 1]); // 1 - s can round out of order on near ties
    }
    ids[row] = qi;
    dist[row] = qd;
  }

  /** Min-heap on similarity at offset {@code h}; equal similarities keep the smaller id. */
  private static void siftDown(float[] hs, int[] hi, int h, int size) {
    int pos = 0;
    while (true) {
      int l = 2 * pos + 1;
      if (l >= size) {
        return;
      }
      int c = l;
      if (l + 1 < size && less(hs[h + l + 1], hi[h + l + 1], hs[h + l], hi[h + l])) {
        c = l + 1;
      }
      if (!less(hs[h + c], hi[h + c], hs[h + pos], hi[h + pos])) {
        return;
      }
      float ts = hs[h + c];
      int ti = hi[h + c];
      hs[h + c] = hs[h + pos];
      hi[h + c] = hi[h + pos];
      hs[h + pos] = ts;
      hi[h + pos] = ti;
      pos = c;
    }
  }

  private static boolean less(float sa, int ia, float sb, int ib) {
    return sa < sb || (sa == sb && ia > ib);
  }
}

package org.databoost.neighbors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * Each row's k most similar other rows with every pair scored once: a block of rows is scored
 * against the rows from its own first row on, and each score feeds the heap of the block's row and,
 * for rows past the block, the heap of the other row too. Those other-row heaps are kept per worker
 * and merged at the end, so workers never share a heap. Half the dot products of searching the rows
 * against themselves.
 *
 * <p>Exact and deterministic like {@link ExactSearch}: a pair's score does not depend on which of
 * its rows is the query (both kernels multiply-add dimension by dimension, and the transposed-tile
 * kernel is used for every block when the kernel has one), so equal rows score bit-identically and
 * ties break by the lower id.
 */
final class SelfSearch {
  private static final int GROUP = 4;

  private final int threads;
  private final DotKernel kernel;

  SelfSearch(int threads, DotKernel kernel) {
    this.threads = threads;
    this.kernel = kernel;
  }

  /** {@code k} between 1 and rows - 1. */
  Neighbors search(Vectors base, int k, Progress progress) {
    int n = base.rows();
    // enough blocks that the shrinking triangle balances over the workers; large blocks transpose
    // each tile for more queries
    int chunk = Math.min(512, Math.max(GROUP, ExactSearch.ceilDiv(n, threads * 16)));
    chunk = ExactSearch.ceilDiv(chunk, GROUP) * GROUP;
    int blocks = ExactSearch.ceilDiv(n, chunk);
    long total = 0;
    for (int b = 0; b < blocks; b++) {
      total += (long) (Math.min(n, (b + 1) * chunk) - b * chunk) * (n - b * chunk);
    }
    TopK[] own = new TopK[n];
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    int size = chunk;
    List<Callable<TopK[]>> workers = new ArrayList<>();
    for (int w = 0; w < Math.min(threads, blocks); w++) {
      workers.add(
          () -> {
            TopK[] others = new TopK[n];
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
              scoreBlock(base, b * size, Math.min(n, (b + 1) * size), k, own, others, stop, done);
            }
            return others;
          });
    }
    List<TopK[]> fromOthers =
        SearchTasks.runAll(SearchTasks.STAGE, threads, workers, stop, done::get, total, progress);
    int[] ids = new int[n * k];
    float[] sims = new float[n * k];
    for (int q = 0; q < n; q++) {
      TopK merged = own[q];
      for (TopK[] others : fromOthers) {
        if (others[q] != null) {
          merged.addAll(others[q]);
        }
      }
      int got = merged.drainSorted(ids, sims, q * k);
      Arrays.fill(ids, q * k + got, (q + 1) * k, -1);
      Arrays.fill(sims, q * k + got, (q + 1) * k, Float.NaN);
    }
    progress.update(SearchTasks.STAGE, total, total);
    return new Neighbors(n, k, ids, sims);
  }

  /** Scores rows [q0, q1) against rows [q0, n). */
  private void scoreBlock(
      Vectors base,
      int q0,
      int q1,
      int k,
      TopK[] own,
      TopK[] others,
      AtomicBoolean stop,
      AtomicLong done) {
    int n = base.rows();
    int dim = base.dim();
    int cq = q1 - q0;
    float[] q = base.heapArray();
    int qOff = q0 * dim;
    if (q == null) {
      q = new float[cq * dim];
      base.copyRows(q0, cq, q, 0);
      qOff = 0;
    }
    TopK[] heaps = new TopK[cq];
    for (int i = 0; i < cq; i++) {
      heaps[i] = new TopK(k, q0 + i);
      own[q0 + i] = heaps[i];
    }
    int tile = Math.max(8, 32768 / Math.max(dim, 1)); // about 128 KiB of rows
    int block = kernel.transposedBlock();
    int pad = block > 0 ? ExactSearch.ceilDiv(tile, block) * block : tile;
    float[] transposed = block > 0 ? new float[pad * dim] : null;
    float[] heapRows = base.heapArray();
    float[] tileBuf = heapRows == null ? new float[tile * dim] : null;
    float[] out = new float[GROUP * pad];
    float[] bar = new float[tile]; // the other rows' thresholds, so most scores fail fast
    for (int r = q0; r < n; r += tile) {
      if (stop.get()) {
        throw new CancelledException();
      }
      int nr = Math.min(tile, n - r);
      float[] rows = heapRows;
      int rOff = r * dim;
      if (rows == null) {
        base.copyRows(r, nr, tileBuf, 0);
        rows = tileBuf;
        rOff = 0;
      }
      if (transposed != null) {
        ExactSearch.transpose(rows, rOff, nr, dim, transposed, pad);
      }
      int past = Math.max(0, q1 - r); // tile rows from here on lie past the block
      for (int c = past; c < nr; c++) {
        bar[c] = others[r + c] == null ? Float.NEGATIVE_INFINITY : others[r + c].threshold();
      }
      for (int g = 0; g < cq; g += GROUP) {
        int ng = Math.min(GROUP, cq - g);
        int stride =
            ExactSearch.scoreGroup(
                kernel, q, qOff + g * dim, ng, rows, rOff, nr, dim, transposed, pad, out);
        for (int j = 0; j < ng; j++) {
          heaps[g + j].offerAll(out, j * stride, nr, r);
        }
        for (int j = 0; j < ng; j++) {
          offerToOthers(out, j * stride, past, nr, r, q0 + g + j, others, bar, k);
        }
      }
      done.addAndGet((long) nr * cq);
    }
  }

  /** Offers query {@code id}'s scores of tile rows [from, to) to those rows' own heaps. */
  private static void offerToOthers(
      float[] out, int o, int from, int to, int r, int id, TopK[] others, float[] bar, int k) {
    for (int c = from; c < to; c++) {
      float s = out[o + c];
      if (s >= bar[c]) {
        TopK h = others[r + c];
        if (h == null) {
          h = new TopK(k, r + c);
          others[r + c] = h;
        }
        h.offer(s, id);
        bar[c] = h.threshold();
      }
    }
  }
}

package org.databoost.neighbors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * Exact k-nearest-neighbour search by inner product, which is cosine similarity when the rows are
 * L2-normalised ({@link Vectors#normalised()}). Queries are split into blocks (or, for few queries,
 * the base rows into parts) that run on a small thread pool; each block streams the base in
 * cache-sized tiles through the {@link DotKernel} and keeps a bounded heap per query. Cancellation
 * is checked between tiles.
 */
public final class ExactSearch {
  static final String STAGE = SearchTasks.STAGE;
  private static final int GROUP = 4; // queries per kernel call
  private static final int MIN_PART_ROWS = 4096;

  /** Fewer queries per block use the row-major kernel; a property so both can be measured. */
  private static final int TRANSPOSE_MIN_QUERIES =
      Integer.getInteger("databoost.knn.transposeMinQueries", 16);

  private final int threads;
  private final DotKernel kernel;

  private ExactSearch(int threads, DotKernel kernel) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    this.threads = threads;
    this.kernel = kernel;
  }

  /** All cores, the fastest kernel this JVM allows. */
  public static ExactSearch create() {
    return new ExactSearch(Runtime.getRuntime().availableProcessors(), Kernels.best());
  }

  public ExactSearch optThreads(int threads) {
    return new ExactSearch(threads, kernel);
  }

  ExactSearch withKernel(DotKernel kernel) {
    return new ExactSearch(threads, kernel);
  }

  public int threads() {
    return threads;
  }

  /** "vector-api-512bit" or "scalar". */
  public String kernelName() {
    return kernel.name();
  }

  /** The k rows of {@code base} most similar to each query, with default settings. */
  public static Neighbors knn(Vectors queries, Vectors base, int k, Progress progress) {
    return create().search(queries, base, k, progress);
  }

  /** Each row's k most similar other rows (the row itself excluded), with default settings. */
  public static Neighbors knnSelf(Vectors base, int k, Progress progress) {
    return create().searchSelf(base, k, progress);
  }

  public Neighbors search(Vectors queries, Vectors base, int k, Progress progress) {
    return run(queries, base, Math.min(k, base.rows()), false, progress);
  }

  /**
   * Each row's k most similar other rows. Every pair is scored once ({@link SelfSearch}), half the
   * work of {@code search(base, base, ...)}, with the same answer.
   */
  public Neighbors searchSelf(Vectors base, int k, Progress progress) {
    int capped = Math.min(k, Math.max(0, base.rows() - 1));
    if (capped < 1) {
      return run(base, base, capped, true, progress);
    }
    return new SelfSearch(threads, kernel).search(base, capped, progress);
  }

  /** {@link #searchSelf} scoring every pair twice, as a plain search does; for comparisons. */
  Neighbors searchSelfEveryPair(Vectors base, int k, Progress progress) {
    return run(base, base, Math.min(k, Math.max(0, base.rows() - 1)), true, progress);
  }

  private Neighbors run(Vectors queries, Vectors base, int k, boolean self, Progress progress) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0: " + k);
    }
    int nq = queries.rows();
    int n = base.rows();
    if (nq > 0 && n > 0 && queries.dim() != base.dim()) {
      throw new IllegalArgumentException(
          "queries have " + queries.dim() + " dimensions, base rows " + base.dim());
    }
    int[] ids = new int[nq * k];
    float[] sims = new float[nq * k];
    if (nq == 0 || k == 0) {
      return new Neighbors(nq, k, ids, sims);
    }
    List<Part> parts = plan(nq, n);
    TopK[][] partial = execute(parts, queries, base, k, self, progress);
    int rParts = (int) parts.stream().filter(p -> p.q0 == 0).count();
    for (int pi = 0; pi < parts.size(); pi += rParts) {
      Part p = parts.get(pi);
      for (int q = p.q0; q < p.q1; q++) {
        TopK merged = partial[pi][q - p.q0];
        for (int j = 1; j < rParts; j++) {
          merged.addAll(partial[pi + j][q - p.q0]);
        }
        int got = merged.drainSorted(ids, sims, q * k);
        Arrays.fill(ids, q * k + got, (q + 1) * k, -1);
        Arrays.fill(sims, q * k + got, (q + 1) * k, Float.NaN);
      }
    }
    progress.update(STAGE, (long) nq * n, (long) nq * n);
    return new Neighbors(nq, k, ids, sims);
  }

  /** Query blocks x row parts, ordered by query block then row part. */
  private List<Part> plan(int nq, int n) {
    int chunk = Math.min(256, Math.max(GROUP, ceilDiv(nq, threads * 4)));
    chunk = ceilDiv(chunk, GROUP) * GROUP;
    int qParts = ceilDiv(nq, chunk);
    int rParts = 1;
    if (qParts < 2 * threads) {
      rParts = Math.max(1, Math.min(ceilDiv(2 * threads, qParts), n / MIN_PART_ROWS));
    }
    int perPart = ceilDiv(n, rParts);
    List<Part> parts = new ArrayList<>();
    for (int q = 0; q < nq; q += chunk) {
      for (int j = 0; j < rParts; j++) {
        parts.add(
            new Part(q, Math.min(nq, q + chunk), j * perPart, Math.min(n, (j + 1) * perPart)));
      }
    }
    return parts;
  }

  private TopK[][] execute(
      List<Part> parts, Vectors queries, Vectors base, int k, boolean self, Progress progress) {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    long total = (long) queries.rows() * base.rows();
    List<Callable<TopK[]>> tasks = new ArrayList<>();
    for (Part p : parts) {
      tasks.add(() -> searchPart(p, queries, base, k, self, stop, done));
    }
    return SearchTasks.runAll(SearchTasks.STAGE, threads, tasks, stop, done::get, total, progress)
        .toArray(new TopK[0][]);
  }

  private TopK[] searchPart(
      Part p,
      Vectors queries,
      Vectors base,
      int k,
      boolean self,
      AtomicBoolean stop,
      AtomicLong done) {
    int dim = base.dim();
    int cq = p.q1 - p.q0;
    float[] q = queries.heapArray();
    int qOff = p.q0 * dim;
    if (q == null) {
      q = new float[cq * dim];
      queries.copyRows(p.q0, cq, q, 0);
      qOff = 0;
    }
    TopK[] heaps = new TopK[cq];
    for (int i = 0; i < cq; i++) {
      heaps[i] = new TopK(k, self ? p.q0 + i : -1);
    }
    int tile = Math.max(8, 32768 / Math.max(dim, 1)); // about 128 KiB of rows
    // Enough queries share each tile to repay copying it dimension-major (GEMM-style kernel).
    int block = cq >= TRANSPOSE_MIN_QUERIES ? kernel.transposedBlock() : 0;
    int pad = block > 0 ? ceilDiv(tile, block) * block : tile;
    float[] transposed = block > 0 ? new float[pad * dim] : null;
    float[] heapRows = base.heapArray();
    float[] tileBuf = heapRows == null ? new float[tile * dim] : null;
    float[] out = new float[GROUP * pad];
    for (int r = p.r0; r < p.r1; r += tile) {
      if (stop.get()) {
        throw new CancelledException();
      }
      int nr = Math.min(tile, p.r1 - r);
      float[] rows = heapRows;
      int rOff = r * dim;
      if (rows == null) {
        base.copyRows(r, nr, tileBuf, 0);
        rows = tileBuf;
        rOff = 0;
      }
      if (transposed != null) {
        transpose(rows, rOff, nr, dim, transposed, pad);
      }
      for (int g = 0; g < cq; g += GROUP) {
        int ng = Math.min(GROUP, cq - g);
        int stride =
            scoreGroup(kernel, q, qOff + g * dim, ng, rows, rOff, nr, dim, transposed, pad, out);
        for (int j = 0; j < ng; j++) {
          heaps[g + j].offerAll(out, j * stride, nr, r);
        }
      }
      done.addAndGet((long) nr * cq);
    }
    return heaps;
  }

  /**
   * Scores {@code ng} queries at {@code qOff} against a tile of {@code nr} rows into {@code out}:
   * with the dimension-major copy of the tile when there is one, else row-major. Returns the stride
   * between the queries' runs of scores in {@code out}.
   */
  static int scoreGroup(
      DotKernel kernel,
      float[] q,
      int qOff,
      int ng,
      float[] rows,
      int rOff,
      int nr,
      int dim,
      float[] transposed,
      int pad,
      float[] out) {
    if (transposed != null) {
      kernel.scoresTransposed(q, qOff, ng, transposed, pad, dim, out);
      return pad;
    }
    kernel.scores(q, qOff, ng, rows, rOff, nr, dim, out);
    return nr;
  }

  /** Row-major rows into dimension-major {@code t[j * pad + r]}, zero past {@code nr}. */
  static void transpose(float[] rows, int rOff, int nr, int dim, float[] t, int pad) {
    for (int r = 0; r < nr; r++) {
      int src = rOff + r * dim;
      for (int j = 0; j < dim; j++) {
        t[j * pad + r] = rows[src + j];
      }
    }
    for (int j = 0; j < dim; j++) {
      Arrays.fill(t, j * pad + nr, (j + 1) * pad, 0f);
    }
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private record Part(int q0, int q1, int r0, int r1) {}
}

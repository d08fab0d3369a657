package org.databoost.corpus.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.databoost.bench.MachineLoad;
import org.databoost.corpus.NpyFile;
import org.databoost.neighbors.ExactSearch;
import org.databoost.neighbors.HnswIndex;
import org.databoost.neighbors.Neighbors;
import org.databoost.neighbors.StreamedSearch;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;

/**
 * Retrieval over a corpus-sized store: synthetic clustered unit vectors written once as the
 * corpus's shard format ({@code .npy}, 65,536 rows a shard) under a work folder, then exact search
 * streamed over the mapped shards (as {@code corpus search}) and the HNSW index over the first
 * rows, with recall@k against exact, queries/s, peak heap and peak resident memory.
 */
public final class CorpusBenchmark {
  static final int SHARD_ROWS = 65_536;
  static final int CLUSTERS = 1000;

  /** What to measure. */
  public record Options(
      Path work,
      List<Long> rows,
      int dim,
      int queries,
      int k,
      long hnswRows,
      List<Integer> efs,
      int efConstruction,
      long seed) {}

  private CorpusBenchmark() {}

  public static void run(Options o, PrintStream out) throws IOException {
    float[] centres = centres(o.dim(), o.seed());
    Vectors queries = queries(centres, o.queries(), o.dim(), o.seed() + 1);
    long maxRows = o.rows().stream().mapToLong(Long::longValue).max().orElse(0);
    Path dir = o.work().resolve("synthetic-d" + o.dim() + "-seed" + o.seed());
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    int shards = (int) ((maxRows + SHARD_ROWS - 1) / SHARD_ROWS);
    int wrote = 0;
    for (int s = 0; s < shards; s++) {
      Path f = shard(dir, s);
      if (!complete(f, o.dim())) {
        float[] data = shardData(centres, s, o.dim(), o.seed());
        writeShard(f, data, o.dim());
        wrote++;
      }
    }
    out.printf(
        Locale.ROOT,
        "Synthetic store: %d shards of %,d rows x %d float32 in %s (%d written now, %.1f s).%n",
        shards,
        SHARD_ROWS,
        o.dim(),
        dir,
        wrote,
        (System.nanoTime() - t0) / 1e9);
    ExactSearch exact = ExactSearch.create();
    out.printf(
        Locale.ROOT,
        "Exact search: kernel %s, %d threads; %d queries, k=%d.%n",
        exact.kernelName(),
        exact.threads(),
        o.queries(),
        o.k());
    Neighbors truthForHnsw = null;
    for (long rows : o.rows()) {
      int parts = (int) ((rows + SHARD_ROWS - 1) / SHARD_ROWS);
      PeakMemory.reset();
      MachineLoad load = MachineLoad.start();
      Neighbors r =
          StreamedSearch.search(
              exact, queries, shards(dir, parts, rows), parts, o.k(), Progress.NONE);
      MachineLoad.Interval iv = load.stop();
      out.printf(
          Locale.ROOT,
          "  exact, %,d rows: %.2f s, %.1f queries/s; peak heap %d MiB, peak RSS %d MiB;"
              + " own %.2f cores, others %.2f cores, load %s%n",
          rows,
          iv.wallS(),
          o.queries() / iv.wallS(),
          PeakMemory.heapMiB(),
          PeakMemory.residentMiB(),
          iv.ownCores(),
          iv.otherCores(),
          iv.loadAvg());
      if (rows == o.hnswRows()) {
        truthForHnsw = r;
      }
    }
    if (o.hnswRows() > 0) {
      if (truthForHnsw == null) {
        int parts = (int) ((o.hnswRows() + SHARD_ROWS - 1) / SHARD_ROWS);
        truthForHnsw =
            StreamedSearch.search(
                exact, queries, shards(dir, parts, o.hnswRows()), parts, o.k(), Progress.NONE);
      }
      hnsw(o, dir, queries, truthForHnsw, out);
    }
  }

  private static void hnsw(Options o, Path dir, Vectors queries, Neighbors truth, PrintStream out)
      throws IOException {
    int n = (int) o.hnswRows();
    PeakMemory.reset();
    float[] data = new float[Math.multiplyExact(n, o.dim())];
    int parts = (n + SHARD_ROWS - 1) / SHARD_ROWS;
    Iterator<Vectors> it = shards(dir, parts, n);
    int at = 0;
    while (it.hasNext()) {
      Vectors v = it.next();
      v.copyRows(0, v.rows(), data, at * o.dim());
      at += v.rows();
    }
    MachineLoad load = MachineLoad.start();
    HnswIndex index =
        HnswIndex.build(
            Vectors.wrap(data, n, o.dim()),
            HnswIndex.Settings.defaults()
                .withEf(o.efs().get(0))
                .withEfConstruction(o.efConstruction()),
            new TenthsProgress(out));
    MachineLoad.Interval build = load.stop();
    out.printf(
        Locale.ROOT,
        "  HNSW (M 16, efConstruction %d), %,d rows: build %.1f s (own %.2f cores, others %.2f"
            + " cores, load %s); peak heap %d MiB, peak RSS %d MiB%n",
        o.efConstruction(),
        n,
        build.wallS(),
        build.ownCores(),
        build.otherCores(),
        build.loadAvg(),
        PeakMemory.heapMiB(),
        PeakMemory.residentMiB());
    for (int ef : o.efs()) {
      HnswIndex withEf = index.withEf(ef);
      MachineLoad q = MachineLoad.start();
      Neighbors r = withEf.searchAll(queries, o.k(), Progress.NONE);
      MachineLoad.Interval search = q.stop();
      out.printf(
          Locale.ROOT,
          "    ef %d: %.1f queries/s; recall@%d %.4f (others %.2f cores)%n",
          ef,
          o.queries() / search.wallS(),
          o.k(),
          r.recall(truth.idMatrix(), o.k()),
          search.otherCores());
    }
  }

  /** Prints a line at each tenth of a long build, so that a run of an hour shows it is alive. */
  private static final class TenthsProgress implements Progress {
    private final PrintStream out;
    private final long t0 = System.nanoTime();
    private long lastTenth;

    TenthsProgress(PrintStream out) {
      this.out = out;
    }

    @Override
    public void update(String stage, long done, long total) {
      if (total <= 0) {
        return;
      }
      long tenth = done * 10 / total;
      if (tenth > lastTenth && tenth < 10) {
        lastTenth = tenth;
        out.printf(
            Locale.ROOT,
            "    %s: %d%% of %,d rows, %.0f s%n",
            stage,
            tenth * 10,
            total,
            (System.nanoTime() - t0) / 1e9);
        out.flush();
      }
    }

    @Override
    public boolean isCancelled() {
      return false;
    }
  }

  private static Iterator<Vectors> shards(Path dir, int parts, long rows) {
    List<Integer> ids = new ArrayList<>();
    for (int s = 0; s < parts; s++) {
      ids.add(s);
    }
    Iterator<Integer> it = ids.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Vectors next() {
        int s = it.next();
        try {
          Vectors v = NpyFile.map(shard(dir, s));
          long left = rows - (long) s * SHARD_ROWS;
          return left < v.rows() ? v.head((int) left) : v;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  static Path shard(Path dir, int s) {
    return dir.resolve(String.format(Locale.ROOT, "shard-%05d.npy", s));
  }

  private static void writeShard(Path f, float[] data, int dim) throws IOException {
    try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
      NpyFile.write(data, data.length / dim, dim, out);
    }
  }

  /** Whether a scratch shard is whole (an interrupted run leaves a short file: rewritten). */
  private static boolean complete(Path f, int dim) {
    try {
      NpyFile.Header h = NpyFile.readHeader(f);
      return h.rows() == SHARD_ROWS && h.dim() == dim;
    } catch (IOException e) {
      return false;
    }
  }

  static float[] centres(int dim, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] c = new float[CLUSTERS * dim];
    for (int i = 0; i < CLUSTERS; i++) {
      unit(c, i * dim, dim, rnd, null, 0, 1.0);
    }
    return c;
  }

  private static float[] shardData(float[] centres, int shard, int dim, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + shard);
    float[] data = new float[SHARD_ROWS * dim];
    for (int r = 0; r < SHARD_ROWS; r++) {
      unit(data, r * dim, dim, rnd, centres, rnd.nextInt(CLUSTERS) * dim, 0.05);
    }
    return data;
  }

  static Vectors queries(float[] centres, int n, int dim, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] q = new float[n * dim];
    for (int r = 0; r < n; r++) {
      unit(q, r * dim, dim, rnd, centres, rnd.nextInt(CLUSTERS) * dim, 0.05);
    }
    return Vectors.wrap(q, n, dim);
  }

  /** A unit vector: a centre plus Gaussian noise of {@code sigma} per value, normalised. */
  private static void unit(
      float[] out, int off, int dim, SplittableRandom rnd, float[] c, int cOff, double sigma) {
    double norm = 0;
    for (int j = 0; j < dim; j++) {
      double v = (c == null ? 0 : c[cOff + j]) + sigma * gauss(rnd);
      out[off + j] = (float) v;
      norm += v * v;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int j = 0; j < dim; j++) {
      out[off + j] *= scale;
    }
  }

  private static double gauss(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}

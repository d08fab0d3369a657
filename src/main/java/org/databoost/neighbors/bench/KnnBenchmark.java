package org.databoost.neighbors.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.databoost.bench.MachineLoad;
import org.databoost.neighbors.ExactSearch;
import org.databoost.neighbors.HnswIndex;
import org.databoost.neighbors.Neighbors;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;

/**
 * {@code databoost bench knn}: exact search queries/s, queries per CPU-second and recall@10 on the
 * anchors' data at each size, next to faiss IndexFlatIP on the same data in the same run; then the
 * HNSW index's build time, queries/s and recall per ef. Protocol as the anchors: 1,000 queries as
 * one batch on all threads after a 50-query warm-up, best of 3.
 */
public final class KnnBenchmark {

  /** What to measure; {@link #defaults()} is the protocol. */
  public record Options(
      Path dataDir,
      int dim,
      List<Integer> sizes,
      int k,
      int warmup,
      int runs,
      int threads,
      Path anchors,
      Path faissResults,
      boolean runFaiss,
      int hnswSize,
      List<Integer> efs,
      Path jsonOut) {
    public static final Path DEFAULT_DATA = Path.of("/tmp/probe-anchors/data");

    public static Options defaults() {
      return new Options(
          DEFAULT_DATA,
          256,
          List.of(100_000, 1_000_000),
          10,
          50,
          3,
          Runtime.getRuntime().availableProcessors(),
          Path.of("../shared/reference/anchors"),
          null,
          true,
          100_000,
          List.of(16, 32, 64, 128, 256),
          null);
    }
  }

  private KnnBenchmark() {}

  public static void run(Options o, PrintStream out) throws IOException, InterruptedException {
    AnchorData data = new AnchorData(o.dataDir(), o.dim());
    ExactSearch exact = ExactSearch.create().optThreads(o.threads());
    out.printf(
        Locale.ROOT,
        "kNN benchmark: d=%d, k=%d, kernel %s, %d threads, %d cores, max heap %.1f GB,"
            + " load average %s%n",
        o.dim(),
        o.k(),
        exact.kernelName(),
        o.threads(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / 1e9,
        MachineLoad.loadAverage());
    for (int n : o.sizes()) {
      if (!data.has(n)) {
        out.printf(
            Locale.ROOT,
            "exact N=%,d: not measured, data missing (%s). Generate it with:%n  %s%n",
            n,
            data.base(n),
            data.generateCommand(o.anchors(), n));
        continue;
      }
      measureExact(o, data, exact, n, out);
    }
    if (o.hnswSize() > 0) {
      if (data.has(o.hnswSize())) {
        measureHnsw(o, data, o.hnswSize(), out);
      } else {
        out.printf(
            Locale.ROOT,
            "HNSW N=%,d: not measured, data missing. Generate it with:%n  %s%n",
            o.hnswSize(),
            data.generateCommand(o.anchors(), o.hnswSize()));
      }
    }
  }

  private static void measureExact(
      Options o, AnchorData data, ExactSearch exact, int n, PrintStream out)
      throws IOException, InterruptedException {
    Vectors queries = data.loadQueries();
    int[][] truth = data.loadTruth(n);
    long bytes = (long) n * o.dim() * 4;
    boolean fitsHeap = bytes < Runtime.getRuntime().maxMemory() * 0.7;
    Vectors base = fitsHeap ? data.loadBase(n) : Vectors.map(data.base(n));
    exact.search(queries.head(Math.min(o.warmup(), queries.rows())), base, o.k(), Progress.NONE);
    Timing t = bestOf(o.runs(), () -> exact.search(queries, base, o.k(), Progress.NONE));
    double recall = t.result.recall(truth, o.k());
    out.printf(
        Locale.ROOT,
        "exact N=%,d (%s): %,.0f q/s (%.3f s for %d queries), %,.0f q/CPU-s, recall@%d %.4f,"
            + " other processes %.2f cores, load average %s%n",
        n,
        fitsHeap ? "heap" : "memory-mapped: heap too small",
        t.qps(queries.rows()),
        t.wallSeconds,
        queries.rows(),
        queries.rows() / t.cpuSeconds,
        o.k(),
        recall,
        t.foreignCores,
        MachineLoad.loadAverage());
    json(o, "java_databoost_exact", n, "exact", 0, 0, t, queries.rows(), recall);
    Optional<FaissAnchor.Row> faiss = Optional.empty();
    if (o.faissResults() != null) {
      faiss = FaissAnchor.fromResults(o.faissResults(), o.dim(), n);
    } else if (o.runFaiss()) {
      StringBuilder log = new StringBuilder();
      faiss = FaissAnchor.run(o.anchors(), o.dataDir(), o.dim(), n, o.threads(), log);
      out.print(log);
    }
    faiss.ifPresentOrElse(
        f ->
            out.printf(
                Locale.ROOT,
                "  faiss IndexFlatIP (%s): %,.0f q/s, %,.0f q/CPU-s%s -> Java/faiss %.2fx q/s,"
                    + " %.2fx q/CPU-s%n",
                f.source(),
                f.qps(),
                f.qpsPerCpu(),
                Double.isNaN(f.foreignCores())
                    ? ""
                    : String.format(Locale.ROOT, ", other processes %.2f cores", f.foreignCores()),
                t.qps(queries.rows()) / f.qps(),
                (queries.rows() / t.cpuSeconds) / f.qpsPerCpu()),
        () -> out.println("  faiss IndexFlatIP: no figure (not run, no results file given)"));
  }

  private static void measureHnsw(Options o, AnchorData data, int n, PrintStream out)
      throws IOException {
    Vectors queries = data.loadQueries();
    int[][] truth = data.loadTruth(n);
    Vectors base = data.loadBase(n);
    HnswIndex.Settings settings = HnswIndex.Settings.defaults().withThreads(o.threads());
    MachineLoad start = MachineLoad.now();
    HnswIndex index = HnswIndex.build(base, settings, Progress.NONE);
    MachineLoad end = MachineLoad.now();
    double buildS = start.wallSecondsUntil(end);
    double buildCpuS = start.ownSecondsUntil(end);
    out.printf(
        Locale.ROOT,
        "HNSW N=%,d M=%d efConstruction=%d: build %.1f s (%.1f CPU-s), other processes %.2f cores,"
            + " load average %s%n",
        n,
        settings.m(),
        settings.efConstruction(),
        buildS,
        buildCpuS,
        start.foreignCoresUntil(end),
        MachineLoad.loadAverage());
    for (int ef : o.efs()) {
      HnswIndex at = index.withEf(ef);
      at.searchAll(queries.head(Math.min(o.warmup(), queries.rows())), o.k(), Progress.NONE);
      Timing t = bestOf(o.runs(), () -> at.searchAll(queries, o.k(), Progress.NONE));
      double recall = t.result.recall(truth, o.k());
      out.printf(
          Locale.ROOT,
          "  ef=%d: %,.0f q/s, %,.0f q/CPU-s, recall@%d %.4f, other processes %.2f cores%n",
          ef,
          t.qps(queries.rows()),
          queries.rows() / t.cpuSeconds,
          o.k(),
          recall,
          t.foreignCores);
      json(
          o,
          "java_databoost_hnsw",
          n,
          "M=" + settings.m() + ",efC=" + settings.efConstruction() + ",ef=" + ef,
          buildS,
          buildCpuS,
          t,
          queries.rows(),
          recall);
    }
  }

  private record Timing(
      double wallSeconds, double cpuSeconds, double foreignCores, Neighbors result) {
    double qps(int queries) {
      return queries / wallSeconds;
    }
  }

  private static Timing bestOf(int runs, Supplier<Neighbors> search) {
    Timing best = null;
    for (int r = 0; r < Math.max(1, runs); r++) {
      MachineLoad start = MachineLoad.now();
      Neighbors result = search.get();
      MachineLoad end = MachineLoad.now();
      Timing t =
          new Timing(
              start.wallSecondsUntil(end),
              start.ownSecondsUntil(end),
              start.foreignCoresUntil(end),
              result);
      if (best == null || t.wallSeconds < best.wallSeconds) {
        best = t;
      }
    }
    return best;
  }

  /** One anchors-format result row (table.py merges it with the anchors' rows). */
  private static void json(
      Options o,
      String impl,
      int n,
      String params,
      double buildS,
      double buildCpuS,
      Timing t,
      int nq,
      double recall)
      throws IOException {
    if (o.jsonOut() == null) {
      return;
    }
    String line =
        String.format(
            Locale.ROOT,
            "{\"task\": \"knn\", \"impl\": \"%s\", \"d\": %d, \"n\": %d, \"k\": %d, \"nq\": %d,"
                + " \"threads\": %d, \"params\": \"%s\", \"build_s\": %.3f, \"build_cpu_s\": %.3f,"
                + " \"query_s\": %.4f, \"query_cpu_s\": %.4f, \"qps\": %.1f, \"qps_per_cpu_s\":"
                + " %.1f, \"recall\": %.4f, \"others_cores\": %.2f}%n",
            impl,
            o.dim(),
            n,
            o.k(),
            nq,
            o.threads(),
            params,
            buildS,
            buildCpuS,
            t.wallSeconds,
            t.cpuSeconds,
            nq / t.wallSeconds,
            nq / t.cpuSeconds,
            recall,
            t.foreignCores);
    Files.writeString(o.jsonOut(), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}

package org.databoost.projection.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.databoost.bench.MachineLoad;
import org.databoost.projection.Projection;
import org.databoost.projection.UmapOptions;
import org.databoost.projection.UmapProjector;
import org.databoost.task.Progress;

/**
 * Times our UMAP on the anchor harness's synthetic embeddings (d=256, 10 clusters, L2-normalised)
 * and scores it with the harness's quality.py next to umap-learn, run in the same session or, for
 * sizes not run, quoted from the harness's results snapshot (marked as such).
 */
public final class UmapBenchmark {

  /**
   * @param anchorsDir the anchor harness (gen_data.py, quality.py, umap_learn_anchor.py, results/)
   * @param dataDir its data folder ({@code d256/base_n{N}.f32}); missing sizes are generated
   * @param outDir where the [N, 2] embeddings are written
   * @param sizes row counts to project
   * @param umapLearnSizes sizes at which umap-learn is run now (others quote the snapshot)
   * @param threads threads for our projector and for umap-learn
   * @param python the interpreter that sees Debian's numpy/sklearn/umap-learn
   */
  public record Options(
      Path anchorsDir,
      Path dataDir,
      Path outDir,
      List<Integer> sizes,
      List<Integer> umapLearnSizes,
      int threads,
      String python,
      long seed) {

    public static Options defaults() {
      return new Options(
          Path.of("../shared/reference/anchors"),
          Path.of("/tmp/probe-anchors/data"),
          Path.of("/tmp/probe-anchors/databoost-umap"),
          List.of(3000, 10_000, 100_000),
          List.of(3000, 10_000),
          2,
          "/usr/bin/python3",
          42L);
    }
  }

  private static final int D = 256;
  private static final String SNAPSHOT = "results/2026-11-28-full-snapshot.jsonl";

  private UmapBenchmark() {}

  public static void run(Options o, PrintStream out) throws IOException {
    AnchorScripts scripts = new AnchorScripts(o.anchorsDir(), o.dataDir(), o.python(), o.threads());
    out.printf(
        Locale.ROOT,
        "UMAP 2-D, d=%d, n_neighbors 15, min_dist 0.1, threads %d, k-NN graph: %s (load average"
            + " now %s)%n",
        D,
        o.threads(),
        UmapProjector.graphSearch(),
        MachineLoad.loadAverage());
    warmUp(o, scripts, out);
    out.println(
        "| N | impl | fit s | fit CPU-s | trust@10 | kNN-pres@10 | label-acc@10 | coverage"
            + " | other cores | load avg | source |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    StringBuilder stages = new StringBuilder("databoost time by stage:");
    for (int n : o.sizes()) {
      Path base = o.dataDir().resolve("d" + D).resolve("base_n" + n + ".f32");
      if (!Files.exists(base)) {
        scripts.generate(D, n);
      }
      RawF32.Matrix m = RawF32.read(base);
      UmapOptions uo = UmapOptions.defaults().withThreads(o.threads()).withSeed(o.seed());
      StageClock clock = new StageClock();
      MachineLoad load = MachineLoad.start();
      Projection p = new UmapProjector(uo).project(m.values(), m.rows(), m.cols(), clock);
      MachineLoad.Interval t = load.stop();
      clock.stop();
      stages.append(String.format(Locale.ROOT, "%n%,d rows: %s", n, clock.summary()));
      Path emb = o.outDir().resolve("databoost_d" + D + "_n" + n + ".f32");
      RawF32.writeXy(emb, p.x(), p.y());
      String q = scripts.quality(D, n, emb, "databoost");
      row(out, n, "databoost", t.wallS(), t.cpuS(), q, t.otherCores(), t.loadAvg(), "this run");
      String fit;
      String fitQ;
      String source;
      double others;
      String avg;
      if (o.umapLearnSizes().contains(n)) {
        String before = MachineLoad.loadAverage();
        MachineLoad ul = MachineLoad.start();
        fit = scripts.umapLearn(D, n, o.outDir());
        MachineLoad.Interval ut = ul.stop();
        fitQ = scripts.quality(D, n, Path.of(AnchorScripts.string(fit, "embedding")), "umap-learn");
        source = "this run";
        // the child's own CPU is not ours: others = machine busy cores minus the child's fit CPU
        others = Double.NaN;
        avg = before + " / " + ut.loadAvg();
      } else {
        Path snap = o.anchorsDir().resolve(SNAPSHOT);
        fit = AnchorScripts.snapshotRow(snap, "umap", "umap-learn", D, n);
        fitQ =
            AnchorScripts.snapshotRow(snap, "umap_quality", "umap_learn", D, n); // run_all's name
        if (fit == null || fitQ == null) {
          out.printf(Locale.ROOT, "| %,d | umap-learn | - | not run, not in snapshot |%n", n);
          continue;
        }
        source = "snapshot " + SNAPSHOT;
        others = AnchorScripts.number(fit, "others_cores").orElse(Double.NaN);
        avg = "-";
      }
      row(
          out,
          n,
          "umap-learn",
          AnchorScripts.number(fit, "fit_s").orElse(Double.NaN),
          AnchorScripts.number(fit, "fit_cpu_s").orElse(Double.NaN),
          fitQ,
          others,
          avg,
          source);
    }
    printStages(out, stages);
  }

  private static void printStages(PrintStream out, StringBuilder stages) {
    out.println(stages);
    out.flush();
  }

  /**
   * One untimed projection of the first 3,000 rows first, so that JIT compilation and loading
   * OpenBLAS are not charged to the first size, as umap-learn's warm fit excludes its JIT.
   */
  private static void warmUp(Options o, AnchorScripts scripts, PrintStream out) throws IOException {
    Path base = o.dataDir().resolve("d" + D).resolve("base_n3000.f32");
    if (!Files.exists(base)) {
      scripts.generate(D, 3000);
    }
    RawF32.Matrix m = RawF32.read(base);
    MachineLoad load = MachineLoad.start();
    new UmapProjector(UmapOptions.defaults().withThreads(o.threads()).withSeed(o.seed()))
        .project(m.values(), m.rows(), m.cols(), Progress.NONE);
    MachineLoad.Interval t = load.stop();
    out.printf(
        Locale.ROOT,
        "warm-up (JIT, OpenBLAS load): 3,000 rows in %.2f s, %.2f CPU-s, other cores %.2f%n",
        t.wallS(),
        t.cpuS(),
        t.otherCores());
  }

  private static void row(
      PrintStream out,
      int n,
      String impl,
      double wall,
      double cpu,
      String q,
      double others,
      String avg,
      String source) {
    out.printf(
        Locale.ROOT,
        "| %,d | %s | %.2f | %.2f | %.4f | %.4f | %.4f | %.4f | %s | %s | %s |%n",
        n,
        impl,
        wall,
        cpu,
        AnchorScripts.number(q, "trust10").orElse(Double.NaN),
        AnchorScripts.number(q, "knn_pres10").orElse(Double.NaN),
        AnchorScripts.number(q, "label_acc10").orElse(Double.NaN),
        AnchorScripts.number(q, "coverage").orElse(Double.NaN),
        Double.isNaN(others) ? "-" : String.format(Locale.ROOT, "%.2f", others),
        avg,
        source);
    out.flush();
  }
}

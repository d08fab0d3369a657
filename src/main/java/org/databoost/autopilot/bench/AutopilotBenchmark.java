package org.databoost.autopilot.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.databoost.autopilot.AutopilotOptions;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.databoost.workspace.WorkspaceException;

/**
 * {@code bench autopilot}: a seeded, stratified private holdout of the source's val images that no
 * step ever reads, changes or moves; the autopilot per configuration and seed on a copy of the
 * rest; a training per preset predicting the holdout and the label book; then the table. Each
 * finished cell is kept in the work folder, so the benchmark resumes where it stopped, and with
 * {@code jobs} 2 two cells run at once in child JVMs (one training thread each).
 *
 * @param source the dataset (read only)
 * @param work the benchmark's own folder (copies, logs, results)
 * @param configs the ablation's configurations ({@link BenchConfig})
 * @param ablationPreset the ablation's training preset
 * @param headline the configurations also trained with {@code headlinePreset}
 * @param seeds the seeds of every cell
 * @param reference the configuration the ablation table's "vs" column compares with
 * @param args the command line a child repeats, with {@code --cell} added
 */
public record AutopilotBenchmark(
    Path source,
    Path work,
    List<String> configs,
    String ablationPreset,
    List<String> headline,
    String headlinePreset,
    List<Long> seeds,
    double holdoutShare,
    long holdoutSeed,
    int jobs,
    int threads,
    AutopilotOptions defaults,
    String reference,
    List<String> args) {

  /** One configuration and seed, with the presets to train it with (in that order). */
  record Cell(String config, long seed, List<String> presets) {}

  List<Cell> cells() {
    List<Cell> out = new ArrayList<>();
    for (long seed : seeds) {
      for (String c : headline) {
        List<String> presets = new ArrayList<>();
        if (configs.contains(c)) {
          presets.add(ablationPreset);
        }
        presets.add(headlinePreset);
        out.add(new Cell(c, seed, presets));
      }
      for (String c : configs) {
        if (!headline.contains(c)) {
          out.add(new Cell(c, seed, List.of(ablationPreset)));
        }
      }
    }
    return out;
  }

  /** Runs every unfinished cell, then prints the tables. */
  public void run(PrintStream out, Progress progress) throws Exception {
    Files.createDirectories(work.resolve("logs"));
    DatasetScan scan = scanSource(progress);
    Holdout holdout = Holdout.of(scan, holdoutShare, holdoutSeed);
    out.printf(
        Locale.ROOT,
        "Private holdout: %,d of %,d val images (%.0f%%, seed %d), never seen by any step.%n",
        holdout.size(),
        scan.images(Split.VAL).size(),
        holdoutShare * 100,
        holdoutSeed);
    List<Cell> todo = new ArrayList<>();
    BenchTask probe = new BenchTask(work, scan, holdout, threads, out);
    for (Cell c : cells()) {
      BenchConfig config = BenchConfig.parse(c.config(), defaults);
      boolean done =
          c.presets().stream()
              .allMatch(
                  p -> Files.isRegularFile(probe.resultFile(BenchTask.key(config, c.seed(), p))));
      if (!done) {
        todo.add(c);
      }
    }
    out.printf("%d cells to run (%d already done).%n", todo.size(), cells().size() - todo.size());
    out.flush();
    if (jobs <= 1) {
      for (Cell c : todo) {
        runCell(scan, holdout, c, out, progress);
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(jobs);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (Cell c : todo) {
          results.add(pool.submit(() -> child(c, out)));
        }
        for (Future<Integer> f : results) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
    BenchTables.print(work.resolve("results"), this, out);
  }

  private int child(Cell c, PrintStream out) throws IOException, InterruptedException {
    String name = c.config() + "-s" + c.seed();
    List<String> a = new ArrayList<>(args);
    a.add("--cell");
    a.add(c.config() + ":" + c.seed() + ":" + String.join(",", c.presets()));
    Path log = work.resolve("logs").resolve(name + ".log");
    long t0 = System.nanoTime();
    synchronized (out) {
      out.println("Started " + name + " " + c.presets() + " (log: " + log + ")");
      out.flush();
    }
    int code = ChildJvms.run(a, log);
    synchronized (out) {
      out.printf(
          Locale.ROOT,
          "Finished %s in %.1f min, exit code %d%n",
          name,
          (System.nanoTime() - t0) / 60e9,
          code);
      out.flush();
    }
    return code;
  }

  /** Prints the tables of the cells finished so far. */
  public void printTable(PrintStream out) throws IOException {
    BenchTables.print(work.resolve("results"), this, out);
  }

  /** Runs one cell in this JVM ({@code --cell}). */
  public void runCell(String spec, PrintStream out, Progress progress) throws Exception {
    String[] parts = spec.split(":");
    if (parts.length != 3) {
      throw new IllegalArgumentException("--cell takes CONFIG:SEED:PRESET[,PRESET]: " + spec);
    }
    DatasetScan scan = scanSource(progress);
    Holdout holdout = Holdout.of(scan, holdoutShare, holdoutSeed);
    runCell(
        scan,
        holdout,
        new Cell(parts[0], Long.parseLong(parts[1]), List.of(parts[2].split(","))),
        out,
        progress);
  }

  private void runCell(
      DatasetScan scan, Holdout holdout, Cell c, PrintStream out, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    BenchConfig config = BenchConfig.parse(c.config(), defaults);
    BenchTask task = new BenchTask(work, scan, holdout, threads, out);
    for (String preset : c.presets()) {
      if (!Files.isRegularFile(task.resultFile(BenchTask.key(config, c.seed(), preset)))) {
        out.println("== " + BenchTask.key(config, c.seed(), preset));
        task.run(config, c.seed(), preset, progress);
      }
    }
  }

  private DatasetScan scanSource(Progress progress) throws DatasetException {
    DatasetScan scan = new DatasetScanner().scan(source, progress);
    if (!scan.isUsable()) {
      throw new DatasetException(
          "The source cannot be used: " + scan.unusableReason().orElse("not usable"));
    }
    return scan;
  }
}

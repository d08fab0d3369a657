package org.databoost.autopilot.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.databoost.autopilot.AutopilotOptions;
import org.databoost.autopilot.AutopilotPlan;
import org.databoost.autopilot.AutopilotReport;
import org.databoost.autopilot.AutopilotService;
import org.databoost.autopilot.EmbeddingVerdicts;
import org.databoost.autopilot.PlanText;
import org.databoost.autopilot.StepResult;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.databoost.training.EvaluationInput;
import org.databoost.training.EvaluationRun;
import org.databoost.training.Evaluator;
import org.databoost.training.LabelledImage;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import org.databoost.workspace.WorkspaceOptions;

/**
 * One cell of the benchmark: a configuration and a seed — the pipeline on a fresh copy of the
 * source without the holdout (kept and reused by every preset of the same cell) — then a training
 * with a preset, predicting the holdout and the label book.
 */
final class BenchTask {
  private final Path work;
  private final Holdout holdout;
  private final DatasetScan source;
  private final int threads;
  private final PrintStream log;

  BenchTask(Path work, DatasetScan source, Holdout holdout, int threads, PrintStream log) {
    this.work = work;
    this.source = source;
    this.holdout = holdout;
    this.threads = threads;
    this.log = log;
  }

  static String cell(BenchConfig config, long seed) {
    return config.name() + "-s" + seed;
  }

  static String key(BenchConfig config, long seed, String preset) {
    return cell(config, seed) + "-" + preset;
  }

  Path resultFile(String key) {
    return work.resolve("results").resolve(key + ".properties");
  }

  /** Runs the cell's pipeline if needed, then the training; returns the result (also saved). */
  BenchResult run(BenchConfig config, long seed, String preset, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    Files.createDirectories(work.resolve("results"));
    Path pipelineFile =
        work.resolve("results").resolve(cell(config, seed) + ".pipeline.properties");
    BenchResult pipeline;
    if (Files.isRegularFile(pipelineFile)) {
      pipeline = BenchResult.read(pipelineFile);
      log.println("Reusing the pipeline of " + cell(config, seed) + ": " + pipeline.text("data"));
    } else {
      pipeline = pipeline(config, seed, progress);
      pipeline.write(pipelineFile);
    }
    Path data = Path.of(pipeline.text("data"));
    BenchResult result = train(data, seed, preset, progress);
    pipeline.copyTo(result);
    result.put("config", config.name()).put("seed", Long.toString(seed)).put("preset", preset);
    result.write(resultFile(key(config, seed, preset)));
    return result;
  }

  private BenchResult pipeline(BenchConfig config, long seed, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    Path data = freshFolder(cell(config, seed));
    long t0 = System.nanoTime();
    holdout.copyRestTo(data, progress);
    BenchResult r = new BenchResult().put("data", data.toString());
    r.put("copy.seconds", (System.nanoTime() - t0) / 1e9);
    if (!config.runsAutopilot()) {
      return r;
    }
    AutopilotOptions o =
        config
            .options()
            .withSeed(seed)
            .withTraining(config.options().training().withThreads(threads));
    try (Workspace ws = Workspace.open(data, WorkspaceOptions.defaults())) {
      AutopilotService service =
          new AutopilotService(new DatasetScanner(), new EmbeddingVerdicts(seed));
      long p0 = System.nanoTime();
      AutopilotPlan plan = service.plan(ws, o, progress);
      double planSeconds = (System.nanoTime() - p0) / 1e9;
      PlanText.plan(plan).forEach(log::println);
      AutopilotReport report =
          service
              .run(ws, plan, progress, s -> log.println("Done: " + s.letter() + ". " + s.note()))
              .withPlanSeconds(planSeconds);
      PlanText.report(report).forEach(log::println);
      r.put("plan.seconds", planSeconds).put("autopilot.seconds", report.totalSeconds());
      for (StepResult s : report.steps()) {
        r.put("step." + s.letter() + ".seconds", s.seconds());
        r.put("step." + s.letter() + ".images", s.changed());
      }
      report
          .boost()
          .ifPresent(b -> r.put("boost.val", b.valFinal()).put("boost.kept", b.keptImages()));
    }
    return r;
  }

  private BenchResult train(Path data, long seed, String preset, Progress progress)
      throws IOException, DatasetException {
    DatasetScan scan = new DatasetScanner().scan(data, progress);
    if (!scan.isUsable()) {
      throw new DatasetException("the benchmark's copy is not usable: " + scan.unusableReason());
    }
    List<String> labels = source.labels();
    List<LabelledImage> train = images(scan, Split.TRAIN, labels);
    List<LabelledImage> val = images(scan, Split.VAL, labels);
    List<LabelledImage> labelBook = images(scan, Split.LABEL_BOOK, labels);
    TrainingConfig config =
        TrainingConfig.preset(preset).withThreads(threads).withFolds(0).withSeed(41 + seed);
    long t0 = System.nanoTime();
    EvaluationRun run =
        Evaluator.evaluate(
            new EvaluationInput(labels, train, val, holdout.images(labels), labelBook),
            config,
            progress);
    double seconds = (System.nanoTime() - t0) / 1e9;
    BenchResult r = new BenchResult();
    r.put("holdout", run.accuracy().getOrDefault(Split.TEST, Double.NaN));
    r.put("labelbook", run.accuracy().getOrDefault(Split.LABEL_BOOK, Double.NaN));
    r.put("val", run.bestValAccuracy());
    r.put("train.images", train.size()).put("val.images", val.size());
    r.put("best.epoch", run.bestEpoch()).put("train.seconds", seconds);
    log.printf(
        Locale.ROOT,
        "%s training on %,d train / %,d val: holdout %.4f, label book %.4f, val %.4f (epoch %d), %.0f s%n",
        preset,
        train.size(),
        val.size(),
        r.number("holdout"),
        r.number("labelbook"),
        r.number("val"),
        run.bestEpoch(),
        seconds);
    return r;
  }

  private static List<LabelledImage> images(DatasetScan scan, Split split, List<String> labels) {
    List<LabelledImage> out = new ArrayList<>();
    for (ImageEntry e : scan.images(split)) {
      out.add(
          new LabelledImage(
              e.displayPath(), scan.root().resolve(e.relativePath()), labels.indexOf(e.label())));
    }
    return out;
  }

  /** A folder for a new copy; an earlier, unfinished attempt keeps its own. */
  private Path freshFolder(String cell) throws IOException {
    Path runs = work.resolve("runs");
    for (int attempt = 1; ; attempt++) {
      Path dir = runs.resolve(attempt == 1 ? cell : cell + "-" + attempt);
      if (!Files.exists(dir)) {
        Files.createDirectories(dir);
        return dir;
      }
    }
  }
}

package org.databoost.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.databoost.analysis.LabelIssueOptions;
import org.databoost.analysis.LinearProbe;
import org.databoost.analysis.PruneMethod;
import org.databoost.dataset.DatasetScanner;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.evaluation.EmbeddingJudge;
import org.databoost.evaluation.bench.KnnLabelErrorBenchmark;
import org.databoost.evaluation.bench.LabelErrorBenchmark;
import org.databoost.evaluation.bench.RealDataBenchmark;
import org.databoost.evaluation.bench.SampleTruthBenchmark;
import org.databoost.sample.ScratchFolder;
import org.databoost.training.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Precision and recall of the label-error flags against labels flipped on purpose. */
@Command(
    name = "label-errors",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Flip a share of the training labels at random (in memory only), evaluate with"
            + " cross-validation, and print the precision and recall of the label-error flags"
            + " against the flipped images.")
final class BenchLabelErrorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The dataset folder (left untouched).")
  Path dir;

  @Option(names = "--flip", defaultValue = "0.1", description = "Share flipped (${DEFAULT-VALUE}).")
  double flip;

  @Option(names = "--flip-seed", defaultValue = "7", description = "Seed of the flips.")
  long flipSeed;

  @Option(names = "--preset", defaultValue = "quick", description = "quick or competition.")
  String preset;

  @Option(names = "--folds", defaultValue = "5", description = "Folds (${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--epochs", description = "Override the preset's epochs.")
  Integer epochs;

  @Option(names = "--seed", description = "Override the training seed.")
  Long seed;

  @Option(names = "--threads", description = "Native threads (default: cores - 1).")
  Integer threads;

  @Option(
      names = "--source",
      defaultValue = "model",
      description =
          "Where the probabilities come from: model (cross-validated training on the noisy"
              + " labels), embeddings (leave-one-out k-NN vote over the glyph embeddings, every"
              + " --k, --smoothing and prune method), sample-truth (every verdict from the"
              + " embeddings alone, scored against the sample's sample-truth.csv) or real (every"
              + " verdict from the embeddings alone, counted, with --sheets contact sheets).")
  String source;

  @Option(
      names = "--k",
      split = ",",
      defaultValue = "10,20,30",
      description = "Neighbours (embeddings source; ${DEFAULT-VALUE}).")
  List<Integer> ks;

  @Option(
      names = "--smoothing",
      split = ",",
      defaultValue = "0.1",
      description = "Pseudo-votes per class (embeddings source; ${DEFAULT-VALUE}).")
  List<Double> smoothings;

  @Option(
      names = "--probs",
      split = ",",
      defaultValue = "knn",
      description =
          "Embeddings source: which probabilities judge the labels, any of knn (leave-one-out"
              + " k-NN vote), probe (cross-validated logistic regression on the embeddings),"
              + " knn+probe (their average), judge (what the workbench uses: knn+probe at k 30,"
              + " smoothing 1, lambda 0.1, in two passes, the second with the first's flags"
              + " silent), verdicts (the label-error verdicts the workbench shows: the judge's, less"
              + " the images a leak, duplicate or junk verdict took first); ${DEFAULT-VALUE}.")
  List<String> probs;

  @Option(
      names = "--lambda",
      split = ",",
      defaultValue = "0.1",
      description = "L2 penalty of the probe (embeddings source; ${DEFAULT-VALUE}).")
  List<Double> lambdas;

  @Option(
      names = "--embedding-cache",
      description =
          "Folder of the embedding cache, kept for the next run (default: a scratch folder, deleted"
              + " at the end).")
  Path embeddingCache;

  @Override
  public Integer call() throws Exception {
    if (source.equals("embeddings")) {
      return embeddings();
    }
    if (source.equals("sample-truth")) {
      return sampleTruth();
    }
    if (source.equals("real")) {
      return realData();
    }
    if (!source.equals("model")) {
      throw new IllegalArgumentException("--source must be model or embeddings, not " + source);
    }
    TrainingConfig c = TrainingConfig.preset(preset).withFolds(folds);
    c = epochs == null ? c : c.withEpochs(epochs);
    c = seed == null ? c : c.withSeed(seed);
    c = threads == null ? c : c.withThreads(threads);
    LabelErrorBenchmark.Result r;
    try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      r = new LabelErrorBenchmark(new DatasetScanner()).run(dir, flip, flipSeed, c, progress);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "label errors: flipped %d of %d training labels (seed %d); %s preset, %d folds, seed %d"
            + " (main model val accuracy %.4f; %.0f s)%n",
        r.flipped(),
        r.trainImages(),
        flipSeed,
        c.preset(),
        c.folds(),
        c.seed(),
        r.valAccuracy(),
        r.seconds());
    for (LabelErrorBenchmark.Flags f : List.of(r.model(), r.glyph(), r.blended())) {
      out.printf(
          Locale.ROOT,
          "  %-12s label-error flags %d, of them flipped %d: precision %.3f, recall %.3f;"
              + " precision at recall 0.6 (flags in rank order) %.3f%n",
          f.source(),
          f.flagged(),
          f.flaggedAndFlipped(),
          f.precision(),
          f.recall(),
          f.precisionAtRecall60());
    }
    out.flush();
    return ExitCodes.OK;
  }

  @Option(
      names = "--sheets",
      description =
          "Real-data source: folder for the contact sheets (PNG) of the top flags of each verdict.")
  Path sheets;

  @Option(
      names = "--top",
      defaultValue = "60",
      description = "Real-data source: images per contact sheet (${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--with-model",
      description =
          "Sample-truth and real-data sources: train the fixed model first as evaluate does"
              + " (--preset, --folds, --seed, --threads; the folds in parallel processes) and judge"
              + " with it and the embeddings, as the workbench does after Evaluate.")
  boolean withModel;

  /** The training for --with-model: as {@code evaluate} with the same options; null without. */
  private TrainingConfig modelConfig() {
    if (!withModel) {
      return null;
    }
    TrainingConfig c = TrainingConfig.preset(preset).withFolds(folds);
    c = epochs == null ? c : c.withEpochs(epochs);
    c = seed == null ? c : c.withSeed(seed);
    c = threads == null ? c : c.withThreads(threads);
    return c.withJobs(TrainingConfig.defaultJobs(c.folds()));
  }

  private String judgedBy() {
    TrainingConfig c = modelConfig();
    return c == null
        ? "the embeddings alone"
        : String.format(
            Locale.ROOT,
            "the model (%s preset, %d folds, %d jobs) and the embeddings",
            c.preset(),
            c.folds(),
            c.jobs());
  }

  /** Work in a folder of embeddings: --embedding-cache, else a scratch folder deleted after. */
  private interface CacheWork<T> {
    T run(Path cache) throws Exception;
  }

  private <T> T withCache(CacheWork<T> work) throws Exception {
    if (embeddingCache != null) {
      return work.run(embeddingCache);
    }
    try (ScratchFolder scratch = ScratchFolder.create("databoost-bench")) {
      return work.run(scratch.path());
    }
  }

  private Integer realData() throws Exception {
    if (sheets != null) {
      Files.createDirectories(sheets);
    }
    RealDataBenchmark.Report r =
        withCache(
            cache -> {
              try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
                return new RealDataBenchmark(new DatasetScanner())
                    .run(dir, cache, sheets, top, 42, modelConfig(), progress);
              }
            });
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "real data: %d train and val images judged by %s in %.1f s;" + " %d flagged (%.1f%%)%n",
        r.images(),
        judgedBy(),
        r.seconds(),
        r.flagged(),
        100.0 * r.flagged() / Math.max(1, r.images()));
    r.counts()
        .forEach(
            (k, n) ->
                out.printf(
                    Locale.ROOT, "  %-14s %5d (%.1f%%)%n", k.text(), n, 100.0 * n / r.images()));
    r.sheets().forEach(p -> out.println("  contact sheet: " + p));
    out.flush();
    return ExitCodes.OK;
  }

  @Option(
      names = "--dump",
      description = "Sample-truth source: CSV of every image's signals (for choosing thresholds).")
  Path dump;

  private Integer sampleTruth() throws Exception {
    SampleTruthBenchmark.Report r =
        withCache(
            cache -> {
              try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
                return new SampleTruthBenchmark(new DatasetScanner())
                    .run(dir, cache, 42, dump, modelConfig(), progress);
              }
            });
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "sample truth: %d train and val images judged by %s in %.1f s%n"
            + "  junk: %d of %d junk images get the junk verdict; %d numerals do%n"
            + "  label errors: %d flags, %d mislabelled (precision %.3f), recall %.3f of %d;"
            + " suggestion = true label for %d of %d%n"
            + "  leaks and duplicates: %d%n"
            + "  junk judge on the junk images: %s%n"
            + "  junk judge, the ten highest on numerals: %s%n"
            + "  model share of the label-error blend: %s%s%n",
        r.images(),
        judgedBy(),
        r.seconds(),
        r.junkFlagged(),
        r.junk(),
        r.numeralsAsJunk(),
        r.labelErrorFlags(),
        r.labelErrorsRight(),
        r.labelErrorPrecision(),
        r.labelErrorRecall(),
        r.mislabelled(),
        r.suggestionsRight(),
        r.labelErrorsRight(),
        r.leaks(),
        SampleTruthBenchmark.list(r.junkProbabilityOfJunk()),
        SampleTruthBenchmark.list(r.topJunkProbabilityOfNumerals()),
        Double.isNaN(r.modelShare()) ? "none" : String.format(Locale.ROOT, "%.2f", r.modelShare()),
        r.message().isEmpty() ? "" : " (" + r.message() + ")");
    out.flush();
    return ExitCodes.OK;
  }

  private Integer embeddings() throws Exception {
    List<KnnLabelErrorBenchmark.Setting> settings = new ArrayList<>();
    for (String source : probs) {
      if (source.equals("judge") || source.equals("verdicts")) {
        // The workbench's judge at its own settings; the verdicts only as the workbench prunes.
        List<PruneMethod> methods =
            source.equals("judge")
                ? List.of(PruneMethod.values())
                : List.of(LabelIssueOptions.defaults().pruneMethod());
        for (PruneMethod m : methods) {
          settings.add(
              new KnnLabelErrorBenchmark.Setting(
                  source,
                  EmbeddingJudge.K,
                  EmbeddingJudge.SMOOTHING,
                  LinearProbe.DEFAULT_LAMBDA,
                  m));
        }
        continue;
      }
      List<Integer> sourceKs = source.startsWith("knn") ? ks : List.of(0);
      List<Double> sourceSmoothings = source.startsWith("knn") ? smoothings : List.of(Double.NaN);
      List<Double> sourceLambdas = source.endsWith("probe") ? lambdas : List.of(Double.NaN);
      for (int k : sourceKs) {
        for (double s : sourceSmoothings) {
          for (double lambda : sourceLambdas) {
            for (PruneMethod m : PruneMethod.values()) {
              settings.add(new KnnLabelErrorBenchmark.Setting(source, k, s, lambda, m));
            }
          }
        }
      }
    }
    KnnLabelErrorBenchmark.Report r =
        withCache(
            cache -> {
              try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
                  GlyphEmbedder embedder = GlyphEmbedder.load()) {
                return new KnnLabelErrorBenchmark(new DatasetScanner())
                    .run(dir, cache, embedder, flip, flipSeed, settings, progress);
              }
            });
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "label errors: flipped %d of %d training labels (seed %d); leave-one-out k-NN over %s"
            + " embeddings (vote accuracy vs original labels %.3f at k=%d); %.0f s%n",
        r.flipped(),
        r.trainImages(),
        flipSeed,
        "glyph",
        r.knnAccuracy(),
        settings.get(0).k(),
        r.seconds());
    out.printf(
        Locale.ROOT,
        "  %-9s %4s %9s %6s %-20s %7s %9s %6s %14s %14s %s%n",
        "probs",
        "k",
        "smoothing",
        "lambda",
        "prune",
        "flagged",
        "precision",
        "recall",
        "p@r0.6 (self)",
        "p@r0.6 (margin)",
        "other flags at the cut that are suspects on the original labels");
    for (KnnLabelErrorBenchmark.Row row : r.rows()) {
      out.printf(
          Locale.ROOT,
          "  %-9s %4d %9.2f %6.3g %-20s %7d %9.3f %6.3f %14.3f %14.3f %.2f%n",
          row.setting().source(),
          row.setting().k(),
          row.setting().smoothing(),
          row.setting().lambda(),
          row.setting().method(),
          row.flagged(),
          row.precision(),
          row.recall(),
          row.precisionAtRecall60(),
          row.marginPrecisionAtRecall60(),
          row.suspectShareAtRecall60());
    }
    out.flush();
    return ExitCodes.OK;
  }
}

package org.databoost.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.databoost.analysis.PruneMethod;
import org.databoost.dataset.DatasetScanner;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.evaluation.KnnLabelErrorBenchmark;
import org.databoost.evaluation.LabelErrorBenchmark;
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
              + " labels) or embeddings (leave-one-out k-NN vote over the glyph embeddings, every"
              + " --k, --smoothing and prune method).")
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
      names = "--embedding-cache",
      description =
          "Folder of the embedding cache (embeddings source; default: a new temp folder).")
  Path embeddingCache;

  @Override
  public Integer call() throws Exception {
    if (source.equals("embeddings")) {
      return embeddings();
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
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "label errors: flipped %d of %d training labels (seed %d); %s preset, %d folds, seed"
                + " %d%n  flagged %d, of them flipped %d: precision %.3f, recall %.3f"
                + " (main model val accuracy %.4f; %.0f s)%n",
            r.flipped(),
            r.trainImages(),
            flipSeed,
            c.preset(),
            c.folds(),
            c.seed(),
            r.flagged(),
            r.flaggedAndFlipped(),
            r.precision(),
            r.recall(),
            r.valAccuracy(),
            r.seconds());
    return ExitCodes.OK;
  }

  private Integer embeddings() throws Exception {
    List<KnnLabelErrorBenchmark.Setting> settings = new ArrayList<>();
    for (int k : ks) {
      for (double s : smoothings) {
        for (PruneMethod m : PruneMethod.values()) {
          settings.add(new KnnLabelErrorBenchmark.Setting(k, s, m));
        }
      }
    }
    Path cache =
        embeddingCache != null ? embeddingCache : Files.createTempDirectory("databoost-bench");
    KnnLabelErrorBenchmark.Report r;
    try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        GlyphEmbedder embedder = GlyphEmbedder.load()) {
      r =
          new KnnLabelErrorBenchmark(new DatasetScanner())
              .run(dir, cache, embedder, flip, flipSeed, settings, progress);
    }
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
        "  %4s %9s %-20s %7s %9s %6s %14s%n",
        "k",
        "smoothing",
        "prune",
        "flagged",
        "precision",
        "recall",
        "prec@recall0.6");
    for (KnnLabelErrorBenchmark.Row row : r.rows()) {
      out.printf(
          Locale.ROOT,
          "  %4d %9.2f %-20s %7d %9.3f %6.3f %14.3f%n",
          row.setting().k(),
          row.setting().smoothing(),
          row.setting().method(),
          row.flagged(),
          row.precision(),
          row.recall(),
          row.precisionAtRecall60());
    }
    out.flush();
    return ExitCodes.OK;
  }
}

package org.databoost.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.databoost.dataset.DatasetScanner;
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

  @Override
  public Integer call() throws Exception {
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
}

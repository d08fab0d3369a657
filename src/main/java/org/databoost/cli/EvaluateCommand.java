package org.databoost.cli;

import java.io.IOException;
import java.util.Locale;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScanner;
import org.databoost.evaluation.EvaluationService;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.RunResults;
import org.databoost.workspace.RunResults.Stage;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains the fixed model, predicts every image, flags label issues and keeps the run. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Train the competition's fixed model on train/ (best epoch on val/), predict every image"
          + " (training images out of sample by k-fold cross-validation), flag likely label"
          + " errors and non-numerals, and keep the run in the dataset's catalog.",
      "Presets: competition (batch 8, 100 epochs, as in 2021) and quick (for interactive use)."
    })
final class EvaluateCommand extends WorkspaceCommand {
  @Option(names = "--preset", defaultValue = "quick", description = "quick or competition.")
  String preset;

  @Option(names = "--folds", description = "Cross-validation folds (0: in-sample predictions).")
  Integer folds;

  @Option(names = "--epochs", description = "Override the preset's epochs.")
  Integer epochs;

  @Option(names = "--batch", description = "Override the preset's batch size.")
  Integer batch;

  @Option(names = "--seed", description = "Override the preset's seed.")
  Long seed;

  @Option(names = "--threads", description = "Native threads (default: cores - 1).")
  Integer threads;

  @Option(
      names = "--jobs",
      description =
          "Models trained at once: the folds train in worker processes of one native thread each,"
              + " beside the main model (default: one per core, at most the folds; 1 trains"
              + " everything in this process).")
  Integer jobs;

  @Option(
      names = "--embeddings-only",
      description =
          "Train nothing: flag leaks, duplicates, junk and label errors from the glyph embeddings"
              + " alone (seconds), kept as a run the window shows like a model's.")
  boolean embeddingsOnly;

  TrainingConfig config() {
    TrainingConfig c = TrainingConfig.preset(preset);
    c = folds == null ? c : c.withFolds(folds);
    c = epochs == null ? c : c.withEpochs(epochs);
    c = batch == null ? c : c.withBatchSize(batch);
    c = seed == null ? c : c.withSeed(seed);
    c = threads == null ? c : c.withThreads(threads);
    if (jobs != null && jobs < 1) {
      throw new IllegalArgumentException("--jobs must be at least 1: " + jobs);
    }
    return c.withJobs(jobs == null ? TrainingConfig.defaultJobs(c.folds()) : jobs);
  }

  @Override
  int run(Workspace ws) throws WorkspaceException, IOException {
    TrainingConfig config = config();
    EvaluationService.Result result;
    try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      EvaluationService service = new EvaluationService(new DatasetScanner());
      result =
          embeddingsOnly
              ? service.flagsOnly(ws, config.seed(), progress)
              : service.evaluate(ws, config, progress);
    } catch (DatasetException e) {
      out().println(e.getMessage());
      return ExitCodes.DATASET_UNUSABLE;
    }
    RunRecord run = result.run();
    RunResults m = run.results();
    if (!result.message().isEmpty()) {
      out().println(result.message());
    }
    if (result.details() == null) {
      out()
          .printf(
              Locale.ROOT,
              "Run #%d (flags from the embeddings alone): %s label errors, %s non-numerals, %s"
                  + " leaks, %s duplicates flagged; %.1f s%n",
              run.id(),
              m.issues("label error"),
              m.issues("not a numeral"),
              m.issues("leak"),
              m.issues("duplicate"),
              m.seconds(Stage.TOTAL).orElse(Double.NaN));
      return ExitCodes.OK;
    }
    out().printf("Run #%d (%s preset, seed %d", run.id(), config.preset(), config.seed());
    out()
        .printf(
            ", %s)%n",
            config.folds() >= 2
                ? config.folds() + "-fold out-of-sample predictions for train"
                : "in-sample predictions for train");
    m.accuracy()
        .forEach(
            (split, acc) ->
                out().printf(Locale.ROOT, "  accuracy %-10s %.4f%n", split.folder(), acc));
    out()
        .printf(
            Locale.ROOT,
            "  best epoch %s (val %.4f); %s label errors, %s non-numerals, %s leaks, %s duplicates"
                + " flagged; %.0f s%n",
            m.bestEpoch().orElse(0),
            m.bestValAccuracy().orElse(Double.NaN),
            m.issues("label error"),
            m.issues("not a numeral"),
            m.issues("leak"),
            m.issues("duplicate"),
            m.seconds(Stage.TOTAL).orElse(Double.NaN));
    out().printf("'databoost export %s --out report.xlsx' writes the spreadsheet.%n", dir);
    return ExitCodes.OK;
  }
}

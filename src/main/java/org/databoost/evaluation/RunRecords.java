package org.databoost.evaluation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.databoost.about.Version;
import org.databoost.training.EpochStats;
import org.databoost.training.EvaluationRun;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.RunResults;
import org.databoost.workspace.RunResults.Stage;

/** The catalog's record of a training run: its parameters, accuracies, timings and epochs. */
final class RunRecords {
  static final String EPOCH_HEADER = "epoch,loss,val_accuracy,seconds";

  private RunRecords() {}

  static RunRecord of(
      String kind,
      Instant started,
      Instant finished,
      Path dataset,
      EvaluationRun run,
      Map<String, Integer> issues) {
    TrainingConfig c = run.config();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("dataset", dataset.toString());
    params.put("preset", c.preset());
    params.put("epochs", Integer.toString(c.epochs()));
    params.put("batch", Integer.toString(c.batchSize()));
    params.put("learning_rate", Float.toString(c.learningRate()));
    params.put("patience", Integer.toString(c.patience()));
    params.put("seed", Long.toString(c.seed()));
    params.put("threads", Integer.toString(c.threads()));
    params.put("folds", Integer.toString(c.folds()));
    params.put("jobs", Integer.toString(c.jobs()));
    params.put("program_version", Version.get());

    Map<Stage, Double> seconds = new EnumMap<>(Stage.class);
    seconds.put(Stage.DECODE, run.timings().decodeSeconds());
    seconds.put(Stage.TRAIN, run.timings().trainSeconds());
    seconds.put(Stage.CROSS_VALIDATION, run.timings().crossValidationSeconds());
    seconds.put(Stage.PREDICT, run.timings().predictSeconds());
    seconds.put(Stage.TOTAL, run.timings().totalSeconds());
    // Each fold's figures, which only the catalog keeps: as extra lines beside the typed results.
    Map<String, String> folds = new LinkedHashMap<>();
    for (EvaluationRun.FoldResult f : run.folds()) {
      String key = "fold." + (f.fold() + 1) + ".";
      folds.put(key + "best_epoch", Integer.toString(f.bestEpoch()));
      folds.put(key + "best_val_accuracy", fmt(f.bestValAccuracy()));
      folds.put(key + "held_out_accuracy", fmt(f.heldOutAccuracy()));
    }
    RunResults results =
        new RunResults(
            run.accuracy(),
            OptionalInt.of(run.bestEpoch()),
            OptionalDouble.of(run.bestValAccuracy()),
            seconds,
            issues,
            folds);

    List<String> epochs = new ArrayList<>();
    epochs.add(EPOCH_HEADER);
    for (EpochStats e : run.history()) {
      epochs.add(
          e.epoch() + "," + fmt(e.loss()) + "," + fmt(e.valAccuracy()) + "," + fmt(e.seconds()));
    }
    return new RunRecord(0, kind, started, finished, run.labels(), params, results, epochs);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}

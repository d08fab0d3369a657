package org.databoost.evaluation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.databoost.about.Version;
import org.databoost.dataset.Split;
import org.databoost.training.EpochStats;
import org.databoost.training.EvaluationRun;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.RunRecord;

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

    Map<String, String> metrics = new LinkedHashMap<>();
    for (Split s : Split.values()) {
      Double acc = run.accuracy().get(s);
      if (acc != null) {
        metrics.put("accuracy." + s.folder(), fmt(acc));
      }
    }
    metrics.put("best_epoch", Integer.toString(run.bestEpoch()));
    metrics.put("best_val_accuracy", fmt(run.bestValAccuracy()));
    for (EvaluationRun.FoldResult f : run.folds()) {
      String key = "fold." + (f.fold() + 1) + ".";
      metrics.put(key + "best_epoch", Integer.toString(f.bestEpoch()));
      metrics.put(key + "best_val_accuracy", fmt(f.bestValAccuracy()));
      metrics.put(key + "held_out_accuracy", fmt(f.heldOutAccuracy()));
    }
    metrics.put("seconds.decode", fmt(run.timings().decodeSeconds()));
    metrics.put("seconds.train", fmt(run.timings().trainSeconds()));
    metrics.put("seconds.cross_validation", fmt(run.timings().crossValidationSeconds()));
    metrics.put("seconds.predict", fmt(run.timings().predictSeconds()));
    metrics.put("seconds.total", fmt(run.timings().totalSeconds()));
    issues.forEach((k, v) -> metrics.put("issues." + k.replace(' ', '_'), Integer.toString(v)));

    List<String> epochs = new ArrayList<>();
    epochs.add(EPOCH_HEADER);
    for (EpochStats e : run.history()) {
      epochs.add(
          e.epoch() + "," + fmt(e.loss()) + "," + fmt(e.valAccuracy()) + "," + fmt(e.seconds()));
    }
    return new RunRecord(0, kind, started, finished, run.labels(), params, metrics, epochs);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}

package org.databoost.evaluation;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.task.Progress;
import org.databoost.training.EvaluationRun;
import org.databoost.training.Evaluator;
import org.databoost.training.ImagePrediction;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * The "Evaluate" job: scan the open dataset, train the fixed model with cross-validated
 * predictions, flag likely label errors and junk, and keep the run in the workspace. The CLI and
 * the window both call this; nothing is stored unless the whole run finishes.
 */
public final class EvaluationService {
  private final DatasetScanner scanner;

  public EvaluationService(DatasetScanner scanner) {
    this.scanner = scanner;
  }

  /** A finished run: what was stored, and the full training result. */
  public record Result(RunRecord run, List<PredictionRecord> predictions, EvaluationRun details) {}

  public Result evaluate(Workspace ws, TrainingConfig config, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    Instant started = Instant.now();
    DatasetScan scan = scanner.scan(ws.layout().root(), ws.hashCache(), progress);
    if (!scan.isUsable()) {
      throw new DatasetException(
          "The dataset cannot be evaluated: " + scan.unusableReason().orElse("not usable"));
    }
    EvaluationRun run = Evaluator.evaluate(EvaluationInputs.of(scan), config, progress);
    progress.update("Finding label issues", 0, 1);
    Map<String, LabelIssueFlags.Flag> flags = LabelIssueFlags.find(run.predictions());
    if (flags.isEmpty()) {
      progress.update("No label issues flagged: the model is too close to chance", 1, 1);
    }
    progress.update("Finding label issues", 1, 1);
    Map<String, String> hashes = new HashMap<>();
    for (ImageEntry e : scan.images()) {
      hashes.put(e.displayPath(), e.hash());
    }
    List<PredictionRecord> records = new ArrayList<>();
    for (ImagePrediction p : run.predictions()) {
      LabelIssueFlags.Flag f = flags.getOrDefault(p.id(), LabelIssueFlags.Flag.NONE_FOR_GIVEN);
      records.add(
          new PredictionRecord(
              p.id(),
              hashes.get(p.id()),
              p.split().folder(),
              p.givenIndex(),
              p.predictedIndex(),
              p.loss(),
              p.probabilities(),
              p.fold(),
              p.inSample(),
              f.issue(),
              f.suggested() < 0 ? p.givenIndex() : f.suggested(),
              f.quality()));
    }
    RunRecord record =
        RunRecords.of("evaluate", started, Instant.now(), scan.root(), run, issueCount(records));
    return new Result(ws.runs().save(record, records), records, run);
  }

  private static Map<String, Integer> issueCount(List<PredictionRecord> records) {
    Map<String, Integer> counts = new HashMap<>();
    for (PredictionRecord r : records) {
      if (!r.issue().isEmpty()) {
        counts.merge(r.issue(), 1, Integer::sum);
      }
    }
    return counts;
  }
}

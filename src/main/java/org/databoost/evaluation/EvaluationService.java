package org.databoost.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.databoost.training.EvaluationRun;
import org.databoost.training.Evaluator;
import org.databoost.training.ImagePrediction;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Evaluate" job: scan the open dataset, train the fixed model with cross-validated
 * predictions, flag likely label errors and junk, and keep the run in the workspace. The CLI and
 * the window both call this; nothing is stored unless the whole run finishes.
 */
public final class EvaluationService {
  private final DatasetScanner scanner;

  private static final Logger LOG = LoggerFactory.getLogger(EvaluationService.class);

  public EvaluationService(DatasetScanner scanner) {
    this.scanner = scanner;
  }

  /** A finished run: what was stored, and the full training result. */
  public record Result(RunRecord run, List<PredictionRecord> predictions, EvaluationRun details) {}

  public Result evaluate(Workspace ws, TrainingConfig config, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    return evaluate(ws, config, "evaluate", Map.of(), progress);
  }

  /**
   * {@link #evaluate(Workspace, TrainingConfig, Progress)}, kept as a run of the given kind (for
   * example "boost") with extra parameters added to the run's own.
   */
  public Result evaluate(
      Workspace ws,
      TrainingConfig config,
      String kind,
      Map<String, String> extraParameters,
      Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    Instant started = Instant.now();
    DatasetScan scan = scanner.scan(ws.layout().root(), ws.hashCache(), progress);
    if (!scan.isUsable()) {
      throw new DatasetException(
          "The dataset cannot be evaluated: " + scan.unusableReason().orElse("not usable"));
    }
    EvaluationRun run = Evaluator.evaluate(EvaluationInputs.of(scan), config, progress);
    Map<String, float[]> judge = judge(scan, ws.stateDir(), run, config.seed(), progress);
    progress.update("Finding label issues", 0, 1);
    Map<String, LabelIssueFlags.Flag> flags = LabelIssueFlags.find(run.predictions(), judge);
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
        RunRecords.of(kind, started, Instant.now(), scan.root(), run, issueCount(records));
    if (!extraParameters.isEmpty()) {
      Map<String, String> params = new LinkedHashMap<>(record.parameters());
      params.putAll(extraParameters);
      record =
          new RunRecord(
              0,
              record.kind(),
              record.startedAt(),
              record.finishedAt(),
              record.labels(),
              params,
              record.metrics(),
              record.epochs());
    }
    return new Result(ws.runs().save(record, records), records, run);
  }

  /**
   * The glyph embedder's second opinion on the train and val labels ({@link EmbeddingJudge}); empty
   * (the flags then rest on the model alone) when it cannot be had, which is logged.
   */
  static Map<String, float[]> judge(
      DatasetScan scan, Path cacheDir, EvaluationRun run, long seed, Progress progress) {
    try (GlyphEmbedder glyph = GlyphEmbedder.load()) {
      return EmbeddingJudge.forPredictions(
          scan, cacheDir, glyph, run.predictions(), seed, progress);
    } catch (CancelledException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      LOG.warn("label issues rest on the model alone: the glyph embeddings failed", e);
      return Map.of();
    }
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

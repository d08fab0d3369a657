package org.databoost.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.databoost.training.EvaluationRun;
import org.databoost.training.Evaluator;
import org.databoost.training.ImagePrediction;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.RunResults;
import org.databoost.workspace.RunResults.Stage;
import org.databoost.workspace.UsableImages;
import org.databoost.workspace.WorkFolder;
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

  /**
   * A finished run: what was stored, the full training result (null when nothing was trained), and
   * a line about anything left out and why ("" when nothing was).
   */
  public record Result(
      RunRecord run, List<PredictionRecord> predictions, EvaluationRun details, String message) {
    public Result(RunRecord run, List<PredictionRecord> predictions, EvaluationRun details) {
      this(run, predictions, details, "");
    }
  }

  /** The kind of a run judged by the embeddings alone, without a model. */
  public static final String FLAGS_KIND = "flags";

  /**
   * Flags from the embeddings alone, before any training (seconds for thousands of images): leaks,
   * duplicates, junk and label errors by the glyph judge; kept as a run of kind {@value
   * #FLAGS_KIND} whose "predictions" are the judge's rows, so the table shows them like a model's.
   */
  public Result flagsOnly(Workspace ws, long seed, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    return flagsOnly(ws, scan(ws, progress), seed, "", progress);
  }

  /** A scan whose images can be judged, though perhaps no model trained on them. */
  private DatasetScan scan(Workspace ws, Progress progress)
      throws DatasetException, WorkspaceException {
    return UsableImages.scanToJudge(scanner, ws, progress);
  }

  private Result flagsOnly(Workspace ws, DatasetScan scan, long seed, String why, Progress progress)
      throws IOException, WorkspaceException {
    Instant started = Instant.now();
    Judgement j = Judgement.of(scan, ws.stateDir(), null, true, seed, progress);
    progress.checkCancelled();
    List<String> labels = scan.labels();
    List<PredictionRecord> records = new ArrayList<>();
    for (int i = 0; i < j.images().size(); i++) {
      ImageEntry e = j.images().get(i);
      DataVerdicts.Verdict v = j.result().verdicts()[i];
      int given = labels.indexOf(e.label());
      float[] row =
          j.result().rows() != null ? j.result().rows()[i] : uniform(Math.max(1, labels.size()));
      float loss = (float) -Math.log(Math.max(row[given], 1e-7f));
      records.add(
          new PredictionRecord(
              e.displayPath(),
              e.hash(),
              e.split(),
              given,
              org.databoost.analysis.ClassRows.argmax(row),
              loss,
              row,
              -1,
              false,
              v.kind().text(),
              v.suggested() < 0 ? given : v.suggested(),
              v.quality(),
              v.judges()));
    }
    String message = String.join(" ", why, j.result().message()).trim();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("dataset", scan.root().toString());
    params.put("judges", "glyph k-NN + probe, junk judge, ink, copies");
    params.put("seed", Long.toString(seed));
    params.put("program_version", org.databoost.about.Version.get());
    Instant finished = Instant.now();
    RunResults results =
        new RunResults(
            Map.of(),
            OptionalInt.empty(),
            OptionalDouble.empty(),
            Map.of(Stage.TOTAL, (finished.toEpochMilli() - started.toEpochMilli()) / 1e3),
            issueCount(records),
            Map.of());
    if (!message.isEmpty()) {
      params.put("message", message);
    }
    RunRecord record =
        new RunRecord(0, FLAGS_KIND, started, finished, labels, params, results, List.of());
    return new Result(ws.runs().save(record, records), records, null, message);
  }

  private static float[] uniform(int k) {
    float[] row = new float[k];
    java.util.Arrays.fill(row, 1f / k);
    return row;
  }

  /**
   * Why the model cannot be trained with k folds on this scan (one class, a class with fewer
   * training images than folds, or no validation images); empty when it can.
   */
  static java.util.Optional<String> cannotTrain(DatasetScan scan, TrainingConfig config) {
    List<String> labels = scan.labels();
    if (labels.size() < 2) {
      return java.util.Optional.of(
          "The dataset has "
              + (labels.isEmpty() ? "no class" : "one class only (" + labels.get(0) + ")")
              + ": a model needs at least two to learn anything, so no model was trained;"
              + " the flags come from the embeddings alone.");
    }
    Map<String, Integer> count = new java.util.TreeMap<>();
    labels.forEach(l -> count.put(l, 0));
    scan.images(Split.TRAIN).forEach(e -> count.merge(e.label(), 1, Integer::sum));
    int needed = Math.max(2, config.folds());
    List<String> few =
        count.entrySet().stream()
            .filter(en -> en.getValue() < needed)
            .map(en -> en.getKey() + " (" + en.getValue() + ")")
            .toList();
    if (!few.isEmpty()) {
      return java.util.Optional.of(
          "Too few training images for "
              + (config.folds() >= 2 ? config.folds() + "-fold cross-validation" : "training")
              + ": "
              + String.join(", ", few)
              + " (at least "
              + needed
              + " each), so no model was trained; the flags come from the embeddings alone.");
    }
    if (!scan.isUsable()) {
      return java.util.Optional.of(
          "No model can be trained: "
              + scan.unusableReason().orElseThrow()
              + "; the flags come from the embeddings alone.");
    }
    return java.util.Optional.empty();
  }

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
    return evaluate(ws, scan(ws, progress), config, kind, extraParameters, progress);
  }

  /**
   * As {@link #evaluate(Workspace, TrainingConfig, String, Map, Progress)} on {@code scan}, the
   * caller's usable scan of the workspace as it is now ({@link UsableImages}), so that a job that
   * has just scanned does not scan again.
   */
  public Result evaluate(
      Workspace ws,
      DatasetScan scan,
      TrainingConfig config,
      String kind,
      Map<String, String> extraParameters,
      Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    Instant started = Instant.now();
    java.util.Optional<String> cannot = cannotTrain(scan, config);
    if (cannot.isPresent()) {
      LOG.info(cannot.get());
      return flagsOnly(ws, scan, config.seed(), cannot.get(), progress);
    }
    EvaluationRun run = train(ws, scan, config, progress);
    progress.update("Finding label issues", 0, 1);
    Verdicts verdicts = verdicts(scan, ws.stateDir(), run, config.seed(), progress);
    progress.update(
        verdicts.message().isEmpty() ? "Finding label issues" : verdicts.message(), 1, 1);
    Map<String, String> hashes = new HashMap<>();
    for (ImageEntry e : scan.images()) {
      hashes.put(e.displayPath(), e.hash());
    }
    List<PredictionRecord> records = new ArrayList<>();
    for (ImagePrediction p : run.predictions()) {
      DataVerdicts.Verdict v = verdicts.byPath().getOrDefault(p.id(), DataVerdicts.Verdict.NONE);
      records.add(
          new PredictionRecord(
              p.id(),
              hashes.get(p.id()),
              p.split(),
              p.givenIndex(),
              p.predictedIndex(),
              p.loss(),
              p.probabilities(),
              p.fold(),
              p.inSample(),
              v.kind().text(),
              v.suggested() < 0 ? p.givenIndex() : v.suggested(),
              v.quality(),
              v.judges()));
    }
    RunRecord record =
        RunRecords.of(kind, started, Instant.now(), scan.root(), run, issueCount(records));
    if (!extraParameters.isEmpty() || !verdicts.message().isEmpty()) {
      Map<String, String> params = new java.util.LinkedHashMap<>(record.parameters());
      params.putAll(extraParameters);
      if (!verdicts.message().isEmpty()) {
        params.put("message", verdicts.message());
      }
      record =
          new RunRecord(
              0,
              record.kind(),
              record.startedAt(),
              record.finishedAt(),
              record.labels(),
              params,
              record.results(),
              record.epochs());
    }
    progress.checkCancelled(); // a cancelled evaluation stores nothing
    RunRecord saved = ws.runs().save(record, records);
    keepModel(ws, saved.id(), run);
    return new Result(saved, records, run, verdicts.message());
  }

  /**
   * Keeps the run's main model for Boost's corpus judge ({@link LatestModel}); a failure only costs
   * that reuse, so it is logged, not thrown.
   */
  private static void keepModel(Workspace ws, long runId, EvaluationRun run) {
    try {
      LatestModel.save(ws.stateDir(), runId, run.model());
    } catch (IOException | RuntimeException e) {
      LOG.warn("the model of run #{} is not kept for reuse: {}", runId, e.toString());
    }
  }

  /**
   * Trains and predicts; with more than one job the folds are trained by worker processes whose
   * specs and results live in a work folder of the workspace, deleted afterwards whatever happens.
   */
  private static EvaluationRun train(
      Workspace ws, DatasetScan scan, TrainingConfig config, Progress progress) throws IOException {
    return trainIn(ws.stateDir(), scan, config, progress);
  }

  /**
   * Trains and predicts as {@code evaluate} does; the folds run in parallel processes (when {@code
   * config.jobs()} allows) in a work folder under {@code stateDir}, deleted afterwards.
   */
  static EvaluationRun trainIn(
      Path stateDir, DatasetScan scan, TrainingConfig config, Progress progress)
      throws IOException {
    if (config.jobs() <= 1 || config.folds() < 2) {
      return Evaluator.evaluate(EvaluationInputs.of(scan), config, progress);
    }
    try (WorkFolder work = WorkFolder.createIn(stateDir)) {
      return Evaluator.evaluate(EvaluationInputs.of(scan), config, progress, work.path());
    }
  }

  /**
   * The glyph embedder's second opinion on the train and val labels ({@link EmbeddingJudge}); empty
   * (the flags then rest on the model alone) when it cannot be had, which is logged. The
   * synthetic-flip benchmark scores the label-error ranking with it.
   */
  public static Map<String, float[]> judge(
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

  /** The verdicts of a run, keyed by image path, and the line that says what was left out. */
  record Verdicts(Map<String, DataVerdicts.Verdict> byPath, String message) {}

  /**
   * Every judge's verdict ({@link Judgement}): the model's rows mixed with the glyph judge's, junk
   * and leaks; when the embeddings cannot be had, confident learning on the model alone (logged).
   */
  static Verdicts verdicts(
      DatasetScan scan, Path stateDir, EvaluationRun run, long seed, Progress progress) {
    List<ImagePrediction> examined =
        run.predictions().stream()
            .filter(p -> p.split() == Split.TRAIN || p.split() == Split.VAL)
            .toList();
    boolean learned = !examined.isEmpty() && LabelIssueFlags.learnedSomething(examined);
    try {
      Judgement j = Judgement.of(scan, stateDir, run.predictions(), learned, seed, progress);
      if (!j.result().message().isEmpty()) {
        LOG.info("label issues: {}", j.result().message());
      }
      return new Verdicts(j.byPath(), j.result().message());
    } catch (CancelledException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      LOG.warn("label issues rest on the model alone: the glyph embeddings failed", e);
      Map<String, DataVerdicts.Verdict> out = new HashMap<>();
      LabelIssueFlags.find(run.predictions())
          .forEach(
              (id, f) ->
                  out.put(
                      id,
                      new DataVerdicts.Verdict(
                          DataVerdicts.Kind.ofText(f.issue()),
                          f.issue().equals(LabelIssueFlags.LABEL_ERROR) ? f.suggested() : -1,
                          f.quality(),
                          f.issue().isEmpty() ? "" : "model alone")));
      return new Verdicts(
          out, learned ? "" : "The model is no better than chance: no label errors are flagged.");
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

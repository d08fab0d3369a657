package org.databoost.boost;

import static org.databoost.boost.RoundReports.state;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.databoost.boost.RoundReports.State;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.evaluation.EvaluationService;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.UsableImages;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scans and trains for Boost: the baseline, each round and the random ablation. */
final class RoundTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(RoundTrainer.class);

  private final DatasetScanner scanner;
  private final EvaluationService evaluation;

  RoundTrainer(DatasetScanner scanner) {
    this.scanner = scanner;
    this.evaluation = new EvaluationService(scanner);
  }

  /** A usable scan of the workspace as it is now. */
  DatasetScan scan(Workspace ws, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    return UsableImages.scan(scanner, ws, progress);
  }

  /** Trains and judges on {@code scan}, a fresh usable scan of the workspace as it is now. */
  State train(
      Workspace ws,
      DatasetScan scan,
      TrainingConfig config,
      String kind,
      Map<String, String> params,
      Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    EvaluationService.Result result = evaluation.evaluate(ws, scan, config, kind, params, progress);
    return state(
        result.run(),
        result.predictions(),
        result.details() == null ? null : result.details().model());
  }

  /** The parameters a round's run (or its ablation's) records, the candidate source's included. */
  static Map<String, String> roundParameters(
      BoostOptions o, int round, long opId, int added, Map<String, String> source) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("boost.round", Integer.toString(round));
    p.put("boost.op", Long.toString(opId));
    p.put("boost.added", Integer.toString(added));
    p.put("boost.k", Integer.toString(o.k()));
    p.put("boost.budget", Integer.toString(o.budget()));
    p.put("boost.embedder", o.embedder());
    p.putAll(source);
    return p;
  }

  /** Undoes a round's edit after a failure or cancel, keeping {@code cause} the one thrown. */
  static void undoAfterFailure(Workspace ws, long opId, Exception cause) {
    try {
      ws.undo(opId);
    } catch (WorkspaceException | RuntimeException e) {
      cause.addSuppressed(e);
      LOG.error("Could not undo boost edit #{} after a failure", opId, e);
    }
  }

  static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}

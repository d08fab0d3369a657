package org.databoost.boost;

import static org.databoost.boost.RoundReports.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.databoost.boost.RoundReports.State;
import org.databoost.dataset.Split;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.ImageRow;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/** Boost skips training its baseline when the workspace's latest run already is that baseline. */
final class BaselineReuse {
  private BaselineReuse() {}

  /**
   * The latest run as the baseline when it was trained with the same settings on exactly the train
   * and val files there are now (same paths, same content hashes); empty otherwise.
   */
  static Optional<State> latestMatching(Workspace ws, TrainingConfig c) throws WorkspaceException {
    Optional<RunRecord> latest = ws.runs().latest();
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    RunRecord run = latest.get();
    Map<String, String> p = run.parameters();
    boolean sameSettings =
        c.preset().equals(p.get("preset"))
            && Integer.toString(c.epochs()).equals(p.get("epochs"))
            && Integer.toString(c.batchSize()).equals(p.get("batch"))
            && Float.toString(c.learningRate()).equals(p.get("learning_rate"))
            && Integer.toString(c.patience()).equals(p.get("patience"))
            && Long.toString(c.seed()).equals(p.get("seed"))
            && Integer.toString(c.threads()).equals(p.get("threads"));
    if (!sameSettings) {
      return Optional.empty();
    }
    List<PredictionRecord> predictions = ws.runs().predictions(run.id());
    Map<String, String> predicted = new HashMap<>();
    for (PredictionRecord r : predictions) {
      if (r.split() == Split.TRAIN || r.split() == Split.VAL) {
        predicted.put(r.path(), r.hash());
      }
    }
    Map<String, String> current = new HashMap<>();
    for (ImageRow r : ws.images()) {
      if (!r.trashed()
          && r.split().isPresent()
          && (r.split().get() == Split.TRAIN || r.split().get() == Split.VAL)) {
        current.put(r.path(), r.hash());
      }
    }
    if (!current.equals(predicted)) {
      return Optional.empty();
    }
    return Optional.of(state(run, predictions));
  }
}

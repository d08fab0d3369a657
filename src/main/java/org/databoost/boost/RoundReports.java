package org.databoost.boost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.databoost.dataset.Split;
import org.databoost.training.TrainedModel;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.RunResults;

/** A model's validation predictions and accuracies, and what changed between two of them. */
final class RoundReports {
  private RoundReports() {}

  /**
   * The model state a round starts from; {@code model} is the run's model when it was trained in
   * this job (null otherwise: a run rebuilt from the catalog).
   */
  record State(
      long runId,
      List<String> labels,
      Map<String, PredictionRecord> val,
      RunResults results,
      TrainedModel model) {}

  static State state(RunRecord run, List<PredictionRecord> predictions) {
    return state(run, predictions, null);
  }

  static State state(RunRecord run, List<PredictionRecord> predictions, TrainedModel model) {
    Map<String, PredictionRecord> val = new LinkedHashMap<>();
    for (PredictionRecord r : predictions) {
      if (r.split() == Split.VAL) {
        val.put(r.path(), r);
      }
    }
    return new State(run.id(), run.labels(), val, run.results(), model);
  }

  static double accuracy(State s, Split split) {
    return optionalAccuracy(s, split).orElse(Double.NaN);
  }

  static OptionalDouble optionalAccuracy(State s, Split split) {
    return s.results().accuracy(split);
  }

  static RoundReport report(
      int round,
      int errorsBefore,
      Retriever.Result picked,
      int added,
      long opId,
      State before,
      State after,
      OptionalDouble randomVal,
      OptionalDouble randomLb,
      OptionalLong randomRun,
      RoundReport.StageSeconds seconds) {
    List<String> fixed = new ArrayList<>();
    List<String> appeared = new ArrayList<>();
    List<String> labels = after.labels();
    int[] images = new int[labels.size()];
    int[] rightBefore = new int[labels.size()];
    int[] rightAfter = new int[labels.size()];
    for (PredictionRecord a : after.val().values()) {
      PredictionRecord b = before.val().get(a.path());
      boolean okAfter = a.predicted() == a.given();
      images[a.given()]++;
      if (okAfter) {
        rightAfter[a.given()]++;
      }
      if (b == null) {
        continue;
      }
      boolean okBefore = b.predicted() == b.given();
      if (okBefore) {
        rightBefore[a.given()]++;
      }
      if (!okBefore && okAfter) {
        fixed.add(a.path());
      } else if (okBefore && !okAfter) {
        appeared.add(a.path());
      }
    }
    List<RoundReport.ClassChange> perClass = new ArrayList<>();
    for (int c = 0; c < labels.size(); c++) {
      if (images[c] > 0) {
        perClass.add(
            new RoundReport.ClassChange(
                labels.get(c),
                images[c],
                rightBefore[c] / (double) images[c],
                rightAfter[c] / (double) images[c]));
      }
    }
    return new RoundReport(
        round,
        errorsBefore,
        picked.errorsServed(),
        added,
        opId,
        true,
        accuracy(before, Split.VAL),
        accuracy(after, Split.VAL),
        optionalAccuracy(before, Split.LABEL_BOOK),
        optionalAccuracy(after, Split.LABEL_BOOK),
        randomVal,
        randomLb,
        List.copyOf(perClass),
        List.copyOf(fixed),
        List.copyOf(appeared),
        after.runId(),
        randomRun,
        seconds,
        new int[] {picked.droppedNearTrain(), picked.droppedNearChosen(), picked.droppedUsed()});
  }

  static RoundReport withKept(RoundReport r, boolean kept) {
    return new RoundReport(
        r.round(),
        r.errorsBefore(),
        r.errorsServed(),
        r.added(),
        r.opId(),
        kept,
        r.valBefore(),
        r.valAfter(),
        r.labelBookBefore(),
        r.labelBookAfter(),
        r.randomValAfter(),
        r.randomLabelBookAfter(),
        r.perClass(),
        r.fixed(),
        r.appeared(),
        r.runId(),
        r.randomRunId(),
        r.seconds(),
        r.dropped());
  }
}

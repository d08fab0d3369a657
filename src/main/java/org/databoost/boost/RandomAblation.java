package org.databoost.boost;

import static org.databoost.boost.RoundReports.accuracy;
import static org.databoost.boost.RoundReports.optionalAccuracy;

import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.databoost.boost.RoundReports.State;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.databoost.workspace.NewImage;
import org.databoost.workspace.OperationResult;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * The ablation of {@code --compare random}: per round, the same number of random unused pool
 * candidates instead of the chosen ones, trained on and undone again, so that the report can show
 * what the targeted choice adds.
 */
final class RandomAblation {
  /** The random ablation of a round: its accuracies, its run, and how long it took. */
  record Result(OptionalDouble val, OptionalDouble labelBook, OptionalLong runId, double seconds) {
    static final Result NONE =
        new Result(OptionalDouble.empty(), OptionalDouble.empty(), OptionalLong.empty(), 0);
  }

  private final RoundTrainer trainer;
  private final BoostOptions o;
  private final Map<String, String> poolParameters;

  RandomAblation(RoundTrainer trainer, BoostOptions o, Map<String, String> poolParameters) {
    this.trainer = trainer;
    this.o = o;
    this.poolParameters = Map.copyOf(poolParameters);
  }

  /**
   * Adds {@code count} random unused candidates instead of the chosen ones, retrains, and undoes
   * the addition again (also when the training fails or is cancelled).
   */
  Result run(
      Workspace ws,
      CandidatePool pool,
      CandidateRenderer renderer,
      BitSet used,
      int round,
      int count,
      Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    long a0 = System.nanoTime();
    List<Integer> randomIds = Retriever.random(pool, count, used, o.seed() * 31 + round);
    List<NewImage> images =
        CandidateFiles.of(
            renderer.render(ws.layout().root(), pool, randomIds, progress),
            pool,
            round,
            null,
            "boost-random");
    OperationResult op =
        ws.add(
            images,
            String.format(
                Locale.ROOT,
                BoostService.ROUND_PREFIX + "%d, ablation: add %,d random candidates",
                round,
                images.size()),
            progress);
    State random;
    try {
      random =
          trainer.train(
              ws,
              trainer.scan(ws, progress),
              o.training(),
              BoostService.KIND_RANDOM,
              RoundTrainer.roundParameters(o, round, op.opId(), images.size(), poolParameters),
              progress);
    } finally {
      ws.undo(op.opId());
    }
    return new Result(
        OptionalDouble.of(accuracy(random, Split.VAL)),
        optionalAccuracy(random, Split.LABEL_BOOK),
        OptionalLong.of(random.runId()),
        RoundTrainer.seconds(a0));
  }
}

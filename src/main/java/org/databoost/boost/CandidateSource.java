package org.databoost.boost;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.databoost.boost.RoundReports.State;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.ImageEntry;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;
import org.databoost.workspace.NewImage;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * Where a Boost round's images come from: the augmentation pool ({@link PoolRoundSource}) or a
 * registered corpus ({@link CorpusRoundSource}). The round itself (write, retrain, keep or undo) is
 * {@link BoostService}'s, whatever the source.
 */
interface CandidateSource {
  /**
   * What a round chooses from.
   *
   * @param train the training images, the first rows of {@code trainVal}
   * @param room how many images the budget still allows
   * @param state the model state the round starts from
   */
  record RoundInput(
      Workspace ws,
      int round,
      List<Retriever.ErrorQuery> errors,
      Vectors trainVectors,
      List<ImageEntry> train,
      List<ImageEntry> trainVal,
      int room,
      Retriever retriever,
      State state) {}

  /**
   * A round's images to add with the picks they serve, or the reason to stop ({@code stop} not
   * null, nothing to add).
   */
  record Choice(
      List<NewImage> images,
      Retriever.Result picked,
      String what,
      RandomAblation.Result random,
      double retrieveSeconds,
      double renderSeconds,
      String stop) {
    static Choice stop(String why) {
      return new Choice(List.of(), null, "", RandomAblation.Result.NONE, 0, 0, why);
    }
  }

  /** The round's images, or why there are none. */
  Choice choose(RoundInput in, Progress progress)
      throws IOException, WorkspaceException, DatasetException;

  /** The round's add is edit {@code op}; runs inside the round's undo-on-failure. */
  default void added(long op) throws IOException {}

  /** The round was kept. */
  default void kept() {}

  /** What to add to the stop reason when the round was undone for lack of gain ("" nothing). */
  default String undone() {
    return "";
  }

  /** Images waiting in the review queue after the last round. */
  default int queued() {
    return 0;
  }

  /** Candidates on offer (the pool's size, the corpus's rows). */
  long size();

  /** The pool's timings (zeros for a corpus). */
  CandidatePool.PoolTimings timings();

  /** The corpus's name, "" for the pool. */
  String corpusName();

  /** What a round's run records about the source. */
  Map<String, String> parameters();
}

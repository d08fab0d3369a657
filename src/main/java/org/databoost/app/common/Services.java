package org.databoost.app.common;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import org.databoost.boost.BoostOptions;
import org.databoost.boost.BoostReport;
import org.databoost.boost.CorpusSource;
import org.databoost.corpus.Corpus;
import org.databoost.corpus.CorpusException;
import org.databoost.map.MapPoint;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.Workspace;

/**
 * The core services the view-models call, built once by the start-up class ({@code app.Wiring}) and
 * passed in: view-models never construct them, so their tests can hand in services that write a
 * known run instead of training a model.
 */
public record Services(
    Evaluation evaluation, Boosting boosting, Mapping mapping, Similarity similarity) {

  /** Trains the fixed model and keeps the run (with its predictions and flags) in the workspace. */
  @FunctionalInterface
  public interface Evaluation {
    void evaluate(Workspace ws, TrainingConfig config, Progress progress) throws Exception;

    /**
     * Flags from the embeddings alone, kept as a run; returns a line about anything left out and
     * why ("" when nothing was).
     */
    default String flagsOnly(Workspace ws, long seed, Progress progress) throws Exception {
      throw new UnsupportedOperationException("this wiring has no embeddings-only flags");
    }

    /**
     * Whether a dataset without any run is flagged from the embeddings as soon as it is opened (the
     * app's wiring); tests that count runs leave it off.
     */
    default boolean flagsOnOpen() {
      return false;
    }
  }

  /** Data Boosting: rounds of added images, each an edit, with retraining. */
  @FunctionalInterface
  public interface Boosting {
    BoostReport boost(Workspace ws, BoostOptions options, Progress progress) throws Exception;

    /**
     * Boost from a registered corpus ({@code corpus}; null: the augmentation pool, as {@link
     * #boost(Workspace, BoostOptions, Progress)}).
     */
    default BoostReport boost(
        Workspace ws, BoostOptions options, CorpusSource corpus, Progress progress)
        throws Exception {
      if (corpus != null) {
        throw new UnsupportedOperationException("this wiring cannot boost from a corpus");
      }
      return boost(ws, options, progress);
    }

    /**
     * Boost from the registered corpus called {@code corpus} ("": the augmentation pool), adding
     * the proposals with confidence at least {@code autoAcceptAbove} (empty: all wait for review).
     */
    default BoostReport boost(
        Workspace ws,
        BoostOptions options,
        String corpus,
        OptionalDouble autoAcceptAbove,
        Progress progress)
        throws Exception {
      if (corpus.isEmpty()) {
        return boost(ws, options, progress);
      }
      Corpus c =
          corpora().stream()
              .filter(k -> k.name().equals(corpus))
              .findFirst()
              .orElseThrow(
                  () ->
                      new CorpusException("The corpus '" + corpus + "' is no longer registered."));
      return boost(ws, options, new CorpusSource(c, autoAcceptAbove), progress);
    }

    /** The registered corpora Boost can draw from, by name (none unless the wiring has some). */
    default List<Corpus> corpora() throws IOException {
      return List.of();
    }
  }

  /**
   * The 2-D map of train and val, starting from the previous map's layout where there is one, so
   * that a recompute moves points as little as it can.
   */
  @FunctionalInterface
  public interface Mapping {
    List<MapPoint> compute(Workspace ws, Progress progress) throws Exception;
  }

  /**
   * The checks that need embeddings only (near-duplicates, outliers), kept in the workspace's facts
   * for the table's columns; they run before any model is trained.
   */
  @FunctionalInterface
  public interface Similarity {
    void analyse(Workspace ws, Progress progress) throws Exception;
  }
}

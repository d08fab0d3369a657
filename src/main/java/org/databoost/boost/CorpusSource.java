package org.databoost.boost;

import java.util.OptionalDouble;
import org.databoost.corpus.Corpus;

/**
 * Boost's candidates from a registered corpus instead of the augmentation pool.
 *
 * @param corpus the corpus (embedded with the embedder Boost uses)
 * @param autoAcceptAbove proposals whose label confidence is at least this are added without
 *     review; empty: every proposal waits in the review queue
 */
public record CorpusSource(Corpus corpus, OptionalDouble autoAcceptAbove) {
  public CorpusSource {
    if (autoAcceptAbove.isPresent()
        && !(autoAcceptAbove.getAsDouble() >= 0 && autoAcceptAbove.getAsDouble() <= 1)) {
      throw new IllegalArgumentException(
          "--auto-accept-above is a confidence within 0..1: " + autoAcceptAbove.getAsDouble());
    }
  }
}

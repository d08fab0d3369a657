package org.databoost.corpus;

/** A corpus request that cannot be done, with a message for the user. */
public final class CorpusException extends RuntimeException {
  public CorpusException(String message) {
    super(message);
  }
}

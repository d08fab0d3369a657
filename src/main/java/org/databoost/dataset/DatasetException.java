package org.databoost.dataset;

/** A dataset cannot be used at all; the message says why in words a user understands. */
public final class DatasetException extends Exception {
  private static final long serialVersionUID = 1L;

  public DatasetException(String message) {
    super(message);
  }

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}

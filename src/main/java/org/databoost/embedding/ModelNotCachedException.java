package org.databoost.embedding;

/**
 * A zoo model is needed, DJL runs offline and the model is not in DJL's cache. The message is for
 * the user: it says so and names the embedders that need no download.
 */
public final class ModelNotCachedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public ModelNotCachedException(String message, Throwable cause) {
    super(message, cause);
  }
}

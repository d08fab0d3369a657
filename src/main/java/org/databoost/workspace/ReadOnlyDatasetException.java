package org.databoost.workspace;

/** An edit was asked of a dataset that Databoost may only show. */
public final class ReadOnlyDatasetException extends WorkspaceException {
  private static final long serialVersionUID = 1L;

  public ReadOnlyDatasetException(String message) {
    super(message);
  }
}

package org.databoost.workspace;

/** A workspace could not be opened or an edit could not be made; the message is for the user. */
public class WorkspaceException extends Exception {
  private static final long serialVersionUID = 1L;

  public WorkspaceException(String message) {
    super(message);
  }

  public WorkspaceException(String message, Throwable cause) {
    super(message, cause);
  }
}

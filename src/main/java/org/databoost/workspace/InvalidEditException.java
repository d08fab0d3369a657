package org.databoost.workspace;

/** An edit was refused before anything happened: an unknown file, a bad label, and so on. */
public final class InvalidEditException extends WorkspaceException {
  private static final long serialVersionUID = 1L;

  public InvalidEditException(String message) {
    super(message);
  }
}

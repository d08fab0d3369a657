package org.databoost.workspace;

/** Another process holds the workspace's write lock. */
public final class WorkspaceLockedException extends WorkspaceException {
  private static final long serialVersionUID = 1L;

  public WorkspaceLockedException(String message) {
    super(message);
  }
}

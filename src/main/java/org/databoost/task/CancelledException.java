package org.databoost.task;

/** Thrown by core work that stopped because the user cancelled it. */
public final class CancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CancelledException() {
    super("cancelled by the user");
  }
}

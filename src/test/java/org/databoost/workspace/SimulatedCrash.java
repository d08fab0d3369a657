package org.databoost.workspace;

/** Thrown from a test hook to stand for the process dying at that point. */
final class SimulatedCrash extends Error {
  private static final long serialVersionUID = 1L;

  SimulatedCrash(String where) {
    super("simulated crash " + where);
  }
}

package org.databoost.cli;

/** Exit codes of the command-line interface. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /** The command failed; the message says why. */
  public static final int FAILURE = 1;

  /** The command line was wrong (picocli's convention). */
  public static final int USAGE = 2;

  /** The dataset cannot be used; the report says why. */
  public static final int DATASET_UNUSABLE = 3;

  private ExitCodes() {}
}

package org.databoost.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What the command line needs of the JavaFX workbench, handed in by the launcher: the {@code cli}
 * package never imports {@code app}.
 */
public interface Window {
  /** Opens the window on a dataset folder (null: the sample) and blocks until it is closed. */
  void open(Path dataset);

  /**
   * Runs the UI benchmark on the real toolkit (it needs a display) and prints it to {@code out}.
   */
  void benchmark(PrintStream out) throws Exception;
}

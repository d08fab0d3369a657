package org.databoost.app;

import java.io.PrintStream;
import java.nio.file.Path;
import javafx.application.Application;
import org.databoost.app.bench.UiBenchmark;

/** Starts the JavaFX workbench; the launcher's bridge into the {@code app} package. */
public final class Workbench {
  private Workbench() {}

  /** Runs the UI benchmark ({@code databoost bench ui}) on the real toolkit and prints it. */
  public static void benchmark(PrintStream out) throws Exception {
    UiBenchmark.run(out);
  }

  /**
   * Opens the workbench window and blocks until it is closed.
   *
   * @param dataset the dataset folder to open, or null for the built-in sample dataset
   */
  public static void launch(Path dataset) {
    String[] args =
        dataset == null ? new String[0] : new String[] {dataset.toAbsolutePath().toString()};
    Application.launch(WorkbenchApp.class, args);
  }
}

package org.databoost.app;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX workbench; the launcher's bridge into the {@code app} package. */
public final class Workbench {
  private Workbench() {}

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

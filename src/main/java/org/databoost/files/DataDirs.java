package org.databoost.files;

import java.nio.file.Path;

/**
 * Where Databoost keeps per-user files: the sample dataset, state of read-only datasets, logs,
 * settings. {@code -Ddataboost.dataDir=...} overrides it (tests and portable installs do).
 */
public final class DataDirs {
  /** The system property that overrides the base folder. */
  public static final String PROPERTY = "databoost.dataDir";

  private DataDirs() {}

  /** {@code $XDG_DATA_HOME/databoost}, or {@code ~/.local/share/databoost}, or the override. */
  public static Path base() {
    String override = System.getProperty(PROPERTY);
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath();
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "databoost").toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "databoost");
  }

  /** The folder of the built-in sample dataset. */
  public static Path sampleDataset() {
    return base().resolve("sample-roman-numerals");
  }

  /** The window's settings: layout and recent datasets ({@code app.settings}). */
  public static Path settingsFile() {
    return base().resolve("settings.properties");
  }

  /** The folder of log files. */
  public static Path logs() {
    return base().resolve("logs");
  }
}

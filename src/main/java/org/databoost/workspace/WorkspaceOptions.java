package org.databoost.workspace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to open a workspace.
 *
 * @param readOnly open for viewing only, even if the folder could be written
 * @param dataDir Databoost's per-user data folder, which holds the state of read-only datasets;
 *     empty for the default
 */
public record WorkspaceOptions(boolean readOnly, Optional<Path> dataDir) {

  /** System property that forces read-only mode. */
  public static final String READ_ONLY_PROPERTY = "databoost.readOnly";

  /** System property that overrides the per-user data folder. */
  public static final String DATA_DIR_PROPERTY = "databoost.dataDir";

  /** Options from the system properties, else writable with the default data folder. */
  public static WorkspaceOptions defaults() {
    String dir = System.getProperty(DATA_DIR_PROPERTY);
    return new WorkspaceOptions(
        Boolean.getBoolean(READ_ONLY_PROPERTY),
        dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir)));
  }

  public WorkspaceOptions withReadOnly(boolean value) {
    return new WorkspaceOptions(value, dataDir);
  }

  public WorkspaceOptions withDataDir(Path dir) {
    return new WorkspaceOptions(readOnly, Optional.of(dir));
  }

  /**
   * The data folder to use: the option, else {@code $XDG_DATA_HOME/databoost}, else {@code
   * ~/.local/share/databoost}.
   */
  Path resolvedDataDir() {
    if (dataDir.isPresent()) {
      return dataDir.get();
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("databoost");
  }
}

package org.databoost.workspace;

import java.nio.file.Path;
import java.util.Optional;
import org.databoost.files.DataDirs;

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

  /** Options from the system properties, else writable with the default data folder. */
  public static WorkspaceOptions defaults() {
    return new WorkspaceOptions(Boolean.getBoolean(READ_ONLY_PROPERTY), Optional.empty());
  }

  public WorkspaceOptions withReadOnly(boolean value) {
    return new WorkspaceOptions(value, dataDir);
  }

  public WorkspaceOptions withDataDir(Path dir) {
    return new WorkspaceOptions(readOnly, Optional.of(dir));
  }

  /** The data folder to use: the option, else {@link DataDirs#base()}. */
  Path resolvedDataDir() {
    return dataDir.orElseGet(DataDirs::base);
  }
}

package org.databoost.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.databoost.dataset.ContentHash;
import org.databoost.dataset.DatasetLayout;
import org.databoost.dataset.FileNames;
import org.databoost.dataset.Split;

/**
 * Where a workspace keeps its state, and whether its dataset may be edited. A writable dataset
 * keeps its state in {@code DIR/.databoost}; a read-only one in the per-user data folder, under a
 * name derived from the dataset's absolute path.
 *
 * @param blockedFolder for a read-only dataset, the folder that cannot be written
 */
record StateLocation(Path stateDir, boolean readOnly, Optional<Path> blockedFolder) {

  static StateLocation resolve(DatasetLayout layout, WorkspaceOptions options)
      throws WorkspaceException {
    Path root = layout.root();
    Optional<Path> blocked = options.readOnly() ? Optional.of(root) : firstUnwritable(layout);
    if (blocked.isEmpty()) {
      Path state = root.resolve(DatasetLayout.STATE_DIR);
      try {
        Files.createDirectories(state);
        return new StateLocation(state, false, Optional.empty());
      } catch (IOException e) {
        blocked = Optional.of(root);
      }
    }
    String key = ContentHash.of(root.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    Path state = options.resolvedDataDir().resolve("workspaces").resolve(key);
    try {
      Files.createDirectories(state);
    } catch (IOException e) {
      throw new WorkspaceException(
          "Cannot create Databoost's state folder " + state + ": " + e.getMessage(), e);
    }
    return new StateLocation(state, true, blocked);
  }

  /**
   * The first of root, split and label folders that this process cannot write. Tests run as root,
   * which may write anywhere, so a folder whose owner write bit is off also counts as read-only: it
   * says what the owner wants.
   */
  private static Optional<Path> firstUnwritable(DatasetLayout layout) throws WorkspaceException {
    Path root = layout.root();
    List<Path> folders = new ArrayList<>();
    folders.add(root);
    List<Path> labelParents = new ArrayList<>();
    if (layout.kind() == DatasetLayout.Kind.SPLIT_FOLDERS) {
      for (Split s : layout.splitFolders()) {
        Path dir = root.resolve(s.folder());
        folders.add(dir);
        labelParents.add(dir);
      }
    } else {
      labelParents.add(root);
    }
    for (Path parent : labelParents) {
      try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, Files::isDirectory)) {
        for (Path child : children) {
          if (!FileNames.isIgnored(child.getFileName().toString())) {
            folders.add(child);
          }
        }
      } catch (IOException e) {
        throw new WorkspaceException("Cannot list " + parent + ": " + e.getMessage(), e);
      }
    }
    // A .databoost that cannot be written holds a catalog that cannot be updated: say so plainly
    // rather than let SQLite fail on it.
    Path state = root.resolve(DatasetLayout.STATE_DIR);
    if (Files.isDirectory(state)) {
      folders.add(state);
      Path catalog = state.resolve("catalog.sqlite");
      if (Files.exists(catalog)) {
        folders.add(catalog);
      }
    }
    return folders.stream().filter(StateLocation::isUnwritable).findFirst();
  }

  private static boolean isUnwritable(Path dir) {
    if (!Files.isWritable(dir)) {
      return true;
    }
    try {
      return !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OWNER_WRITE);
    } catch (UnsupportedOperationException | IOException e) {
      return false;
    }
  }
}

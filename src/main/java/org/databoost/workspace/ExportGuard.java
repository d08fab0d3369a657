package org.databoost.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.databoost.dataset.DatasetLayout;

/**
 * Judges a file the user wants written (a report, a map, embeddings) against the open dataset, with
 * links followed: never inside {@code .databoost/} (the catalog, the undo history and the trash
 * live there), and not inside a split or label folder, where the scan would take it for an image,
 * unless the user insists.
 */
final class ExportGuard {
  private final DatasetLayout layout;

  ExportGuard(DatasetLayout layout) {
    this.layout = layout;
  }

  /**
   * The target as it will be written (its folder's real path plus its name).
   *
   * @throws InvalidEditException when it may not be written there; says why
   */
  Path check(Path target, boolean force) throws InvalidEditException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw new InvalidEditException(
          absolute + " is a folder; give the name of the file to write.");
    }
    Path folder = absolute.getParent();
    Path real;
    Path realRoot;
    try {
      real = realFolder(folder).resolve(absolute.getFileName());
      realRoot = layout.root().toRealPath();
    } catch (IOException e) {
      throw new InvalidEditException("Cannot resolve " + folder + ": " + e.getMessage());
    }
    if (!real.startsWith(realRoot)) {
      return absolute;
    }
    Path rel = realRoot.relativize(real);
    if (rel.startsWith(DatasetLayout.STATE_DIR)) {
      throw new InvalidEditException(
          "Refused to write "
              + absolute
              + ": it is inside "
              + realRoot.resolve(DatasetLayout.STATE_DIR)
              + ", where the catalog, the undo history, the saved runs and the trash live;"
              + " writing there could destroy them. Choose a file outside .databoost.");
    }
    if (!force && rel.getNameCount() > 1) {
      String where = WorkspacePaths.text(rel.getParent());
      throw new InvalidEditException(
          "Refused to write "
              + absolute
              + ": it is inside the dataset's folder "
              + where
              + ", where the next scan would take it for an image of the dataset (or report it"
              + " as a problem). Write it outside the split and label folders, or add --force.");
    }
    return absolute;
  }

  /** The real path of the deepest folder that exists, with the missing rest appended. */
  private static Path realFolder(Path folder) throws IOException {
    Path existing = folder;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return folder;
    }
    return existing.toRealPath().resolve(existing.relativize(folder));
  }
}

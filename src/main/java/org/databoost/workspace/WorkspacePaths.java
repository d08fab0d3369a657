package org.databoost.workspace;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.databoost.dataset.DatasetLayout;

/**
 * The three areas a workspace moves files between, as relative '/'-separated paths: the dataset
 * (label folders), the trash ({@code .databoost/trash/<op id>/<original path>}) and staging ({@code
 * .databoost/staging/}). A file's catalog state follows from its path alone.
 */
final class WorkspacePaths {
  static final String TRASH = DatasetLayout.STATE_DIR + "/trash/";
  static final String STAGING = DatasetLayout.STATE_DIR + "/staging/";

  private final DatasetLayout layout;

  WorkspacePaths(DatasetLayout layout) {
    this.layout = layout;
  }

  DatasetLayout layout() {
    return layout;
  }

  Path resolve(String relative) {
    return layout.root().resolve(relative);
  }

  /** A relative path as the catalog spells it. */
  static String text(Path relative) {
    StringBuilder sb = new StringBuilder();
    for (Path part : relative) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  String relativize(Path absolute) {
    return text(layout.root().relativize(absolute));
  }

  /**
   * A path given by the user, relative to the root or absolute inside it, in catalog spelling.
   *
   * @throws InvalidEditException when it points outside the dataset
   */
  String fromUser(String input) throws InvalidEditException {
    if (input == null || input.isBlank()) {
      throw new InvalidEditException("An empty path was given.");
    }
    Path p = Path.of(input).normalize();
    if (p.isAbsolute()) {
      if (!p.startsWith(layout.root())) {
        throw new InvalidEditException(input + " is outside the dataset " + layout.root() + ".");
      }
      p = layout.root().relativize(p);
    }
    if (p.toString().isEmpty() || p.startsWith("..")) {
      throw new InvalidEditException(input + " is outside the dataset " + layout.root() + ".");
    }
    return text(p);
  }

  static boolean isTrash(String relative) {
    return relative.startsWith(TRASH);
  }

  static boolean isStaging(String relative) {
    return relative.startsWith(STAGING);
  }

  String trashPath(long opId, String original) {
    return TRASH + opId + "/" + original;
  }

  /** The path a trashed file had before it was deleted. */
  static String originalOf(String trashPath) {
    String rest = trashPath.substring(TRASH.length());
    return rest.substring(rest.indexOf('/') + 1);
  }

  /** The operation whose trash folder holds the file. */
  static OptionalLong trashOp(String trashPath) {
    if (!isTrash(trashPath)) {
      return OptionalLong.empty();
    }
    String rest = trashPath.substring(TRASH.length());
    int slash = rest.indexOf('/');
    try {
      return slash < 0
          ? OptionalLong.empty()
          : OptionalLong.of(Long.parseLong(rest.substring(0, slash)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Where a file at this path belongs in the dataset: its own place for a live file, the place it
   * was deleted from for a trashed one; empty for staging and anything outside label folders.
   */
  Optional<DatasetLayout.Location> locate(String relative) {
    if (isStaging(relative)) {
      return Optional.empty();
    }
    String inDataset = isTrash(relative) ? originalOf(relative) : relative;
    return layout.locate(Path.of(inDataset));
  }

  /** The label folder holding a path in the dataset area, relative to the root. */
  static String parentOf(String relative) {
    int slash = relative.lastIndexOf('/');
    return slash < 0 ? "" : relative.substring(0, slash);
  }
}

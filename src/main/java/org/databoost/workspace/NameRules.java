package org.databoost.workspace;

import java.nio.charset.StandardCharsets;
import org.databoost.dataset.DatasetLayout;
import org.databoost.dataset.FileNames;
import org.databoost.dataset.Split;

/** Which label names and file names the workspace will create. */
final class NameRules {
  private NameRules() {}

  /** A label must be a plain, visible folder name that the layout will not mistake for a split. */
  static void checkLabel(String label, DatasetLayout layout) throws InvalidEditException {
    checkPlainName(label, "label");
    if (layout.kind() == DatasetLayout.Kind.LABEL_FOLDERS && Split.ofFolder(label).isPresent()) {
      throw new InvalidEditException(
          "The label '"
              + label
              + "' cannot be used here: a folder of that name would turn this dataset of label"
              + " folders into one of split folders.");
    }
  }

  static void checkImageName(String name) throws InvalidEditException {
    checkPlainName(name, "file name");
    if (!FileNames.hasImageExtension(name)) {
      throw new InvalidEditException(
          "The file name '"
              + name
              + "' lacks an image extension ("
              + String.join(", ", FileNames.IMAGE_EXTENSIONS)
              + ").");
    }
  }

  private static void checkPlainName(String name, String what) throws InvalidEditException {
    if (name == null || name.isBlank()) {
      throw new InvalidEditException("The " + what + " is empty.");
    }
    if (!name.strip().equals(name)) {
      throw new InvalidEditException(
          "The " + what + " '" + name + "' starts or ends with a space.");
    }
    if (name.contains("/") || name.contains("\\") || name.contains("\0")) {
      throw new InvalidEditException(
          "The " + what + " '" + name + "' contains a path separator; it must be a plain name.");
    }
    if (name.equals(".") || name.equals("..") || FileNames.isIgnored(name)) {
      throw new InvalidEditException(
          "The "
              + what
              + " '"
              + name
              + "' would be a hidden or ignored name, which Databoost does not read.");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > 255) {
      throw new InvalidEditException("The " + what + " '" + name + "' is too long.");
    }
  }
}

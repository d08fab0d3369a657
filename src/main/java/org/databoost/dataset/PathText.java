package org.databoost.dataset;

import java.nio.file.Path;

/** Relative paths as users see them in reports: forward slashes on every platform. */
final class PathText {
  private PathText() {}

  static String of(Path relative) {
    return relative.toString().replace('\\', '/');
  }
}

package org.databoost.workspace;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses destination names that never overwrite anything: a wanted name taken on disk or by an
 * earlier step of the same plan becomes {@code name (2).ext}, {@code name (3).ext}, ...
 */
final class FreeNames {
  private static final Pattern NUMBERED = Pattern.compile("^(.*) \\((\\d+)\\)$");

  private final WorkspacePaths paths;
  private final Set<String> claimed = new HashSet<>();
  private final Set<String> vacated = new HashSet<>();

  FreeNames(WorkspacePaths paths) {
    this.paths = paths;
  }

  /** Reserves and returns the wanted path, or the first free numbered variant of it. */
  String claim(String wanted) {
    if (isFree(wanted)) {
      claimed.add(wanted);
      return wanted;
    }
    String dir = WorkspacePaths.parentOf(wanted);
    String name = wanted.substring(dir.isEmpty() ? 0 : dir.length() + 1);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    Matcher m = NUMBERED.matcher(stem);
    if (m.matches()) {
      stem = m.group(1); // "img (2)" taken -> "img (3)", not "img (2) (2)"
    }
    for (int n = 2; ; n++) {
      String candidate = (dir.isEmpty() ? "" : dir + "/") + stem + " (" + n + ")" + ext;
      if (isFree(candidate)) {
        claimed.add(candidate);
        return candidate;
      }
    }
  }

  /** Notes that an earlier step of the same plan moves the file at this path away. */
  void release(String relative) {
    vacated.add(relative);
  }

  private boolean isFree(String relative) {
    return !claimed.contains(relative)
        && (vacated.contains(relative)
            || !Files.exists(paths.resolve(relative), LinkOption.NOFOLLOW_LINKS));
  }
}

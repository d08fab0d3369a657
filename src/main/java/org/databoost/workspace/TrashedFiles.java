package org.databoost.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Finds the trashed files a user names for a restore. */
final class TrashedFiles {
  private TrashedFiles() {}

  /**
   * The trash paths of {@code inputs}: each either a path as the trash lists it, or the path a file
   * had before it was deleted (then its latest deletion).
   *
   * @throws InvalidEditException naming the first input that is not in the trash
   */
  static List<String> find(WorkspacePaths paths, List<ImageRow> trash, Collection<String> inputs)
      throws InvalidEditException {
    List<String> out = new ArrayList<>();
    for (String in : inputs) {
      String p = paths.fromUser(in);
      if (WorkspacePaths.isTrash(p)) {
        out.add(p);
        continue;
      }
      out.add(
          trash.stream()
              .filter(r -> WorkspacePaths.originalOf(r.path()).equals(p))
              .max(Comparator.comparingLong(r -> WorkspacePaths.trashOp(r.path()).orElse(-1)))
              .map(ImageRow::path)
              .orElseThrow(
                  () ->
                      new InvalidEditException(
                          p + " is not in the trash ('restore DIR --list' shows what is).")));
    }
    return out;
  }
}

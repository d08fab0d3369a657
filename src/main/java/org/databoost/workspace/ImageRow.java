package org.databoost.workspace;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.databoost.dataset.HashCache;
import org.databoost.dataset.Split;

/**
 * One image file the catalog knows.
 *
 * @param path where the file is now, relative to the dataset root ('/' separators); under {@code
 *     .databoost/trash/} when it was deleted
 * @param split the split of its label folder; empty for a dataset of label folders only. For a
 *     deleted file, split and label are those of the place it was deleted from.
 * @param modifiedMillis the file's modification time when last hashed, to avoid rehashing
 * @param addedByOp the operation that added it from outside, if Databoost added it
 * @param provenance the free-text origin recorded when it was added
 */
public record ImageRow(
    String path,
    Optional<Split> split,
    String label,
    String hash,
    long size,
    long modifiedMillis,
    boolean trashed,
    OptionalLong addedByOp,
    Optional<String> provenance) {

  /** A scan's cache of these rows' hashes: a file whose size and time match is not read again. */
  static HashCache hashCache(List<ImageRow> rows) {
    Map<String, ImageRow> byPath = new HashMap<>();
    for (ImageRow r : rows) {
      byPath.put(r.path(), r);
    }
    return (Path rel, long size, long mtime) -> {
      ImageRow r = byPath.get(rel.toString().replace('\\', '/'));
      return r != null && r.size() == size && r.modifiedMillis() == mtime
          ? Optional.of(r.hash())
          : Optional.empty();
    };
  }
}

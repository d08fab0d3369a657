package org.databoost.dataset;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Content hashes remembered from an earlier scan, so unchanged files are not hashed again. A file
 * counts as unchanged when its relative path, size and modification time all match.
 */
@FunctionalInterface
public interface HashCache {
  /** A cache that knows nothing. */
  HashCache NONE = (relativePath, size, lastModifiedMillis) -> Optional.empty();

  /** The remembered hash of the file, if it is known and the file is unchanged. */
  Optional<String> lookup(Path relativePath, long size, long lastModifiedMillis);
}

package org.databoost.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists a folder's entries. The scanner lists through this seam so that tests can make a folder
 * unreadable, which file permissions cannot do when tests run as root.
 */
@FunctionalInterface
public interface DirectoryLister {
  /** Lists with {@link Files#list}, sorted by name so scans are reproducible. */
  DirectoryLister FILES =
      dir -> {
        try (Stream<Path> children = Files.list(dir)) {
          return children.sorted().toList();
        }
      };

  /** The entries of {@code dir}, in a stable order. */
  List<Path> list(Path dir) throws IOException;
}

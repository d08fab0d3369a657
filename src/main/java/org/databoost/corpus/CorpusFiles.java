package org.databoost.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The only file changes of the corpus feature, all inside a corpus's own folder in the user data
 * folder (never the corpus's images): a finished temporary file renamed into place, an unfinished
 * one dropped, and a removed corpus's folder deleted.
 */
final class CorpusFiles {
  private CorpusFiles() {}

  /** Renames {@code tmp} over {@code target} atomically (same folder). */
  static void replace(Path tmp, Path target) throws IOException {
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes a file of the corpus folder if it is there (an interrupted write, a stale shard). */
  static void drop(Path file) throws IOException {
    Files.deleteIfExists(file);
  }

  /** Deletes a corpus folder and everything in it; links are removed, never followed. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(dir)) {
      all = walk.sorted(Comparator.reverseOrder()).toList(); // children before their folder
    }
    for (Path p : all) {
      Files.delete(p);
    }
  }
}

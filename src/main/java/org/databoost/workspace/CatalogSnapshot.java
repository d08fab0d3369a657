package org.databoost.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A read-only dataset's own catalog, copied for viewing into its per-user state folder, so that a
 * dataset Databoost may not write still shows its history, its kept runs, its Boost rounds and its
 * maps. Nothing is written into the dataset: SQLite opens the copy (and replays the copied
 * write-ahead log there), never the original, which may not even get its {@code -shm} file.
 *
 * <p>The copy is kept while the dataset's catalog is unchanged, so runs made while the dataset is
 * read-only stay with it. When the dataset's catalog has changed since (someone with write access
 * edited it), a fresh copy is taken and the previous one is kept aside under a dated name.
 */
final class CatalogSnapshot {
  /** The dataset catalog's size and modification time when the copy was taken. */
  static final String SOURCE_FILE = "catalog-source.txt";

  private static final List<String> COPIED = List.of("", "-wal");

  private CatalogSnapshot() {}

  /**
   * Brings the copy of {@code datasetState}'s catalog in {@code stateDir} up to date, if the
   * dataset has a catalog; says what it did in {@code report}.
   */
  static void refresh(Path datasetState, Path stateDir, List<String> report)
      throws WorkspaceException {
    Path source = datasetState.resolve(CatalogDatabase.FILE);
    if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      String fingerprint = fingerprint(datasetState);
      Path copy = stateDir.resolve(CatalogDatabase.FILE);
      Path marker = stateDir.resolve(SOURCE_FILE);
      boolean current =
          Files.exists(copy)
              && Files.exists(marker)
              && Files.readString(marker).equals(fingerprint);
      if (!current) {
        if (Files.exists(copy)) {
          Path aside = moveAside(stateDir);
          report.add(
              "The dataset's own history changed since it was last shown read-only: a fresh copy"
                  + " is shown, and the earlier copy (with any run kept while it was read-only) was"
                  + " kept as "
                  + aside
                  + ".");
        }
        take(datasetState, stateDir);
        Files.writeString(marker, fingerprint);
      }
      report.add(
          "The dataset is read-only: its history and runs are shown from "
              + source
              + " (a copy in "
              + stateDir
              + ", where runs made now are kept); edits are refused.");
    } catch (IOException e) {
      throw new WorkspaceException(
          "Cannot copy the read-only dataset's catalog " + source + " for viewing: " + e, e);
    }
  }

  private static String fingerprint(Path datasetState) throws IOException {
    StringBuilder out = new StringBuilder();
    for (String suffix : COPIED) {
      Path f = datasetState.resolve(CatalogDatabase.FILE + suffix);
      if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        out.append(f.getFileName())
            .append(' ')
            .append(a.size())
            .append(' ')
            .append(a.lastModifiedTime().toMillis())
            .append('\n');
      }
    }
    return out.toString();
  }

  /** Copies the catalog and its write-ahead log (not its index, which SQLite rebuilds). */
  private static void take(Path datasetState, Path stateDir) throws IOException {
    Path part = stateDir.resolve("catalog-copy.part");
    Files.createDirectories(part);
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(part.resolve(CatalogDatabase.FILE + suffix));
    }
    for (String suffix : COPIED) {
      Path f = datasetState.resolve(CatalogDatabase.FILE + suffix);
      if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        Files.copy(f, part.resolve(CatalogDatabase.FILE + suffix));
      }
    }
    for (String suffix : List.of("-wal", "-shm", "")) {
      Path from = part.resolve(CatalogDatabase.FILE + suffix);
      Path to = stateDir.resolve(CatalogDatabase.FILE + suffix);
      if (Files.exists(from)) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.deleteIfExists(to); // never pair the copy with a log it did not come with
      }
    }
    Files.delete(part);
  }

  /** Renames the earlier copy and its companions; returns the new name of the catalog. */
  private static Path moveAside(Path stateDir) throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    Path aside = stateDir.resolve("catalog.before-" + stamp + ".sqlite");
    for (String suffix : List.of("-wal", "-shm", "")) {
      Path f = stateDir.resolve(CatalogDatabase.FILE + suffix);
      if (Files.exists(f)) {
        Files.move(f, stateDir.resolve(aside.getFileName() + suffix));
      }
    }
    return aside;
  }
}

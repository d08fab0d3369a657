package org.databoost.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.databoost.dataset.ContentHash;
import org.databoost.dataset.DatasetLayout;
import org.databoost.dataset.FileNames;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;

/**
 * Brings the catalog in line with the disk after changes made while Databoost was closed. Files
 * whose size and modification time match their row are not rehashed; a file that vanished from one
 * place and turned up in another with the same content counts as moved, keeping its history.
 */
final class Reconciler {
  /** What changed outside Databoost. */
  record Changes(int added, int removed, int moved, int modified) {
    boolean any() {
      return added + removed + moved + modified > 0;
    }

    /**
     * The line for the open report: what a first cataloguing found, or what changed outside
     * Databoost since the last open (nothing when nothing did).
     */
    Optional<String> describe(boolean firstCatalogue) {
      if (firstCatalogue) {
        return Optional.of("Catalogued " + added + " images from the disk.");
      }
      if (!any()) {
        return Optional.empty();
      }
      return Optional.of(
          "Changes made outside Databoost: "
              + added
              + " added, "
              + removed
              + " removed, "
              + moved
              + " moved or relabelled by hand, "
              + modified
              + " modified.");
    }
  }

  private record Seen(long size, long mtime) {}

  private final WorkspacePaths paths;
  private final CatalogDatabase db;
  private final Catalog catalog;

  Reconciler(WorkspacePaths paths, CatalogDatabase db, Catalog catalog) {
    this.paths = paths;
    this.db = db;
    this.catalog = catalog;
  }

  Changes run(Progress progress) throws IOException, SQLException {
    Map<String, Seen> disk = scan();
    Map<String, ImageRow> rows = catalog.all();
    List<ImageRow> updates = new ArrayList<>();
    List<String> appeared = new ArrayList<>();
    int modified = 0;
    for (Map.Entry<String, Seen> e : disk.entrySet()) {
      ImageRow row = rows.remove(e.getKey());
      Seen seen = e.getValue();
      if (row == null) {
        appeared.add(e.getKey());
      } else if (row.size() != seen.size() || row.modifiedMillis() != seen.mtime()) {
        String hash = ContentHash.of(paths.resolve(row.path()));
        if (!hash.equals(row.hash())) {
          modified++;
        }
        updates.add(copy(row, row.path(), hash, seen));
      }
    }
    // rows now holds only the vanished files; match them to newcomers by content
    Map<String, Deque<ImageRow>> vanishedByHash = new HashMap<>();
    for (ImageRow r : rows.values()) {
      vanishedByHash.computeIfAbsent(r.hash(), h -> new ArrayDeque<>()).add(r);
    }
    List<String> deletes = new ArrayList<>();
    int added = 0;
    int moved = 0;
    int done = 0;
    for (String path : appeared) {
      progress.checkCancelled();
      Seen seen = disk.get(path);
      String hash = ContentHash.of(paths.resolve(path));
      Deque<ImageRow> same = vanishedByHash.get(hash);
      ImageRow was = same == null ? null : same.poll();
      if (was != null) {
        rows.remove(was.path());
        deletes.add(was.path());
        moved++;
        updates.add(copy(was, path, hash, seen));
      } else {
        added++;
        updates.add(
            catalog.rowAt(
                path, hash, seen.size(), seen.mtime(), OptionalLong.empty(), Optional.empty()));
      }
      progress.update("Checking for changes", ++done, appeared.size());
    }
    int removed = rows.size();
    deletes.addAll(rows.keySet());
    db.transaction(
        () -> {
          for (String gone : deletes) {
            catalog.remove(gone);
          }
          for (ImageRow r : updates) {
            catalog.put(r);
          }
          return null;
        });
    return new Changes(added, removed, moved, modified);
  }

  private ImageRow copy(ImageRow row, String path, String hash, Seen seen) {
    return catalog.rowAt(path, hash, seen.size(), seen.mtime(), row.addedByOp(), row.provenance());
  }

  /**
   * Every image file in a label folder, and every file in the trash (also of a read-only dataset,
   * whose own history may have put files there).
   */
  private Map<String, Seen> scan() throws IOException {
    Map<String, Seen> out = new LinkedHashMap<>();
    DatasetLayout layout = paths.layout();
    List<Path> labelParents = new ArrayList<>();
    if (layout.kind() == DatasetLayout.Kind.SPLIT_FOLDERS) {
      for (Split s : layout.splitFolders()) {
        labelParents.add(layout.root().resolve(s.folder()));
      }
    } else {
      labelParents.add(layout.root());
    }
    for (Path parent : labelParents) {
      for (Path labelDir : children(parent, true)) {
        for (Path file : children(labelDir, false)) {
          if (FileNames.hasImageExtension(file.getFileName().toString())) {
            record(out, file);
          }
        }
      }
    }
    Path trash = paths.resolve(WorkspacePaths.TRASH);
    if (Files.isDirectory(trash)) {
      try (Stream<Path> walk = Files.walk(trash)) {
        for (Path p : (Iterable<Path>) walk::iterator) {
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
              && paths.locate(paths.relativize(p)).isPresent()) {
            record(out, p);
          }
        }
      }
    }
    return out;
  }

  private void record(Map<String, Seen> out, Path file) throws IOException {
    BasicFileAttributes a =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    out.put(paths.relativize(file), new Seen(a.size(), a.lastModifiedTime().toMillis()));
  }

  private static List<Path> children(Path dir, boolean folders) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        boolean wanted =
            folders
                ? Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        if (wanted && !FileNames.isIgnored(p.getFileName().toString())) {
          out.add(p);
        }
      }
    }
    out.sort(null);
    return out;
  }
}

package org.databoost.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps every write, move and delete of a workspace inside its dataset. A path is judged with links
 * followed: any folder on the way from the root to the file that is a symbolic link (a label
 * folder, the trash, staging, {@code .databoost} itself, a link that loops) is refused, and the
 * deepest folder that exists must resolve (its real path) to a place under the dataset's real root.
 * Plans are checked as a whole before the first file moves; each move is checked again as it
 * happens.
 */
final class Containment {
  private final Path root;
  private final Map<String, Optional<String>> verdicts = new HashMap<>();
  private Path realRoot;

  Containment(Path root) {
    this.root = root;
  }

  /** Refuses the first of the relative paths that would leave the dataset; checks all first. */
  void checkAll(Collection<String> relatives, String what) throws InvalidEditException {
    verdicts.clear();
    for (String rel : relatives) {
      Optional<String> why = verdict(rel);
      if (why.isPresent()) {
        throw new InvalidEditException(
            what + " was refused: " + why.get() + " Nothing was changed.");
      }
    }
  }

  /** The same check for a single move as it happens; a failure there rolls the edit back. */
  void checkMove(String relative) throws IOException {
    Optional<String> why = judge(relative);
    if (why.isPresent()) {
      throw new IOException(why.get());
    }
  }

  /** Empty when the path stays inside the dataset (as the disk is now); otherwise why not. */
  Optional<String> judge(String relative) {
    verdicts.clear();
    return verdict(relative);
  }

  private Optional<String> verdict(String relative) {
    Path rel = Path.of(relative);
    if (relative.isEmpty() || rel.isAbsolute()) {
      return Optional.of(outside(relative));
    }
    for (Path part : rel) {
      String p = part.toString();
      if (p.equals("..") || p.equals(".")) {
        return Optional.of(outside(relative));
      }
    }
    return folderVerdict(rel.getParent());
  }

  /** Judges the folder a file would be in (null: the root), caching by folder. */
  private Optional<String> folderVerdict(Path relFolder) {
    String key = relFolder == null ? "" : relFolder.toString();
    Optional<String> cached = verdicts.get(key);
    if (cached != null) {
      return cached;
    }
    Optional<String> v = judgeFolder(relFolder);
    verdicts.put(key, v);
    return v;
  }

  private Optional<String> judgeFolder(Path relFolder) {
    Path deepest = root;
    if (relFolder != null) {
      Path cur = root;
      for (Path part : relFolder) {
        cur = cur.resolve(part);
        if (Files.isSymbolicLink(cur)) {
          return Optional.of(linkReason(cur));
        }
        if (!Files.exists(cur, LinkOption.NOFOLLOW_LINKS)) {
          break; // the rest will be created, inside the last folder that exists
        }
        deepest = cur;
      }
    }
    try {
      Path real = deepest.toRealPath();
      if (!real.startsWith(realRoot())) {
        return Optional.of(
            root.relativize(deepest) + " resolves to " + real + ", outside the dataset " + root);
      }
    } catch (IOException e) {
      return Optional.of(deepest + " cannot be resolved (" + e.getMessage() + ").");
    }
    return Optional.empty();
  }

  private Path realRoot() throws IOException {
    if (realRoot == null) {
      realRoot = root.toRealPath();
    }
    return realRoot;
  }

  private String linkReason(Path link) {
    String target;
    try {
      target = " to " + Files.readSymbolicLink(link);
    } catch (IOException | UnsupportedOperationException e) {
      target = "";
    }
    return WorkspacePaths.text(root.relativize(link))
        + " is a symbolic link"
        + target
        + ". Databoost never moves files through a link, so that nothing is written outside the"
        + " dataset "
        + root
        + ".";
  }

  private String outside(String relative) {
    return relative + " is outside the dataset " + root + ".";
  }
}

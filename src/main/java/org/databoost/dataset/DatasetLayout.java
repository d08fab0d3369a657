package org.databoost.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How a dataset folder is laid out: either split folders ({@code train/ val/ [test/]
 * [label_book/]}, each holding one folder per label) or a single level of label folders, whose
 * train/val split is then assigned virtually by the scanner.
 *
 * <p>Every image lives at a relative path {@code split/label/file} (or {@code label/file}); this
 * class maps between those paths and {@link Location}s, for the scanner and the workspace alike.
 */
public final class DatasetLayout {
  /** Name of the folder under the dataset root where Databoost keeps its own state. */
  public static final String STATE_DIR = ".databoost";

  /** The two shapes a dataset folder may have. */
  public enum Kind {
    SPLIT_FOLDERS,
    LABEL_FOLDERS
  }

  /**
   * Where an image file sits: its split (empty for {@link Kind#LABEL_FOLDERS}), label and file
   * name.
   */
  public record Location(Optional<Split> split, String label, String fileName) {}

  private final Path root;
  private final Kind kind;
  private final Set<Split> splits;

  private DatasetLayout(Path root, Kind kind, Set<Split> splits) {
    this.root = root;
    this.kind = kind;
    this.splits = splits;
  }

  /**
   * Looks at the folders directly under {@code root}.
   *
   * @throws DatasetException when the root is missing, not a folder or unreadable
   */
  public static DatasetLayout detect(Path root) throws DatasetException {
    Path abs = root.toAbsolutePath().normalize();
    if (!Files.exists(abs)) {
      throw new DatasetException("The folder " + abs + " does not exist.");
    }
    if (!Files.isDirectory(abs)) {
      throw new DatasetException(abs + " is not a folder.");
    }
    if (!Files.isReadable(abs)) {
      throw new DatasetException("The folder " + abs + " cannot be read (permission denied).");
    }
    EnumSet<Split> found = EnumSet.noneOf(Split.class);
    try (Stream<Path> children = Files.list(abs)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        String name = child.getFileName().toString();
        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
          Split.ofFolder(name).ifPresent(found::add);
        }
      }
    } catch (IOException e) {
      throw new DatasetException("The folder " + abs + " cannot be listed: " + e.getMessage(), e);
    }
    return found.isEmpty()
        ? new DatasetLayout(abs, Kind.LABEL_FOLDERS, Set.of())
        : new DatasetLayout(abs, Kind.SPLIT_FOLDERS, Set.copyOf(found));
  }

  /** The absolute, normalised dataset root. */
  public Path root() {
    return root;
  }

  public Kind kind() {
    return kind;
  }

  /** The split folders present on disk (empty for {@link Kind#LABEL_FOLDERS}). */
  public List<Split> splitFolders() {
    List<Split> out = new ArrayList<>();
    for (Split s : Split.values()) {
      if (splits.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * The folder, relative to the root, that holds the label folders of a split: {@code train},
   * {@code val}, ... for split folders; the root itself ({@code ""}) for label folders.
   */
  public Path splitDir(Split split) {
    return kind == Kind.SPLIT_FOLDERS ? Path.of(split.folder()) : Path.of("");
  }

  /** The relative path of a file with this split, label and name. */
  public Path relativePath(Split split, String label, String fileName) {
    return kind == Kind.SPLIT_FOLDERS
        ? Path.of(split.folder(), label, fileName)
        : Path.of(label, fileName);
  }

  /**
   * Where a relative path sits, if it is a file inside a label folder of this layout (the state
   * folder and hidden folders are never part of the dataset).
   */
  public Optional<Location> locate(Path relative) {
    Path rel = relative.normalize();
    if (rel.isAbsolute() || rel.startsWith("..")) {
      return Optional.empty();
    }
    for (Path part : rel) {
      if (FileNames.isIgnored(part.toString())) {
        return Optional.empty();
      }
    }
    if (kind == Kind.SPLIT_FOLDERS) {
      if (rel.getNameCount() != 3) {
        return Optional.empty();
      }
      Optional<Split> split = Split.ofFolder(rel.getName(0).toString());
      return split.map(
          s -> new Location(Optional.of(s), rel.getName(1).toString(), rel.getName(2).toString()));
    }
    if (rel.getNameCount() != 2) {
      return Optional.empty();
    }
    return Optional.of(
        new Location(Optional.empty(), rel.getName(0).toString(), rel.getName(1).toString()));
  }
}

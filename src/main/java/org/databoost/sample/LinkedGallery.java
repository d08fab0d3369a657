package org.databoost.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A brand-new folder of many image files made from a few drawings, for benchmarks that need a large
 * dataset on disk (the gallery's part of {@code bench ui}): file {@code i} is {@code
 * train/<label>/<i>.png}, a hard link to drawing {@code i mod n} of the source's {@code train}
 * folder (a copy where links are refused), so every file is read and decoded on its own. Closing it
 * deletes the folder and everything in it; the source is never changed.
 */
public final class LinkedGallery implements AutoCloseable {
  /** One file of the gallery: its path relative to the root, and its label. */
  public record Entry(String path, String label) {}

  private final Path root;
  private final List<Entry> entries;

  private LinkedGallery(Path root, List<Entry> entries) {
    this.root = root;
    this.entries = List.copyOf(entries);
  }

  /**
   * Makes {@code count} files under {@code root}, which must not exist yet, from the PNG drawings
   * in {@code source/train}.
   */
  public static LinkedGallery create(Path root, Path source, int count) throws IOException {
    if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("Refused to build a gallery in " + root + ": it exists already");
    }
    List<Path> drawings;
    try (Stream<Path> files = Files.walk(source.resolve("train"))) {
      drawings = files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
    }
    if (drawings.isEmpty()) {
      throw new IOException("No PNG drawings in " + source.resolve("train"));
    }
    List<Entry> entries = new ArrayList<>(count);
    LinkedGallery gallery = new LinkedGallery(root, entries);
    try {
      for (int i = 0; i < count; i++) {
        Path drawing = drawings.get(i % drawings.size());
        String label = drawing.getParent().getFileName().toString();
        String path = "train/" + label + "/" + i + ".png";
        Path target = root.resolve(path);
        Files.createDirectories(target.getParent());
        try {
          Files.createLink(target, drawing);
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(drawing, target);
        }
        entries.add(new Entry(path, label));
      }
    } catch (IOException | RuntimeException e) {
      gallery.close();
      throw e;
    }
    return new LinkedGallery(root, entries);
  }

  public Path root() {
    return root;
  }

  public List<Entry> entries() {
    return entries;
  }

  @Override
  public void close() throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(root)) {
      all = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}

package org.databoost.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.databoost.dataset.ContentHash;
import org.databoost.dataset.DatasetLayout;

/** Tiny generated datasets and independent views of the disk, for comparing with the catalog. */
public final class Fixtures {
  private Fixtures() {}

  /** train/{i,ii,iii} and val/{i,ii}, two or three small distinct files each, plus a stray note. */
  static Path splitDataset(Path root) throws IOException {
    int n = 0;
    for (String dir : List.of("train/i", "train/ii", "train/iii", "val/i", "val/ii")) {
      for (String name : List.of("a.png", "b.png", "c.png")) {
        if (dir.startsWith("val") && name.equals("c.png")) {
          continue;
        }
        write(root.resolve(dir).resolve(name), dir + "/" + name + " #" + n++);
      }
    }
    write(root.resolve("README.txt"), "not an image");
    return root;
  }

  /** i/, ii/ with two files each: a dataset of label folders only. */
  static Path labelDataset(Path root) throws IOException {
    for (String dir : List.of("i", "ii")) {
      for (String name : List.of("a.png", "b.png")) {
        write(root.resolve(dir).resolve(name), "label " + dir + "/" + name);
      }
    }
    return root;
  }

  static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** A real (tiny, grey) PNG whose pixels differ by {@code seed}, so the add's checks accept it. */
  static Path writePng(Path file, int seed) throws IOException {
    Files.createDirectories(file.getParent());
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setSample(seed % 4, (seed / 4) % 4, 0, 1 + seed % 250);
    javax.imageio.ImageIO.write(img, "png", file.toFile());
    return file;
  }

  static WorkspaceOptions options(Path dataDir) {
    return new WorkspaceOptions(false, Optional.of(dataDir));
  }

  /** Every file (with its hash) and folder under the root, the state folder excluded. */
  public static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path rel = root.relativize(p);
        if (rel.toString().isEmpty() || rel.startsWith(DatasetLayout.STATE_DIR)) {
          continue;
        }
        out.put(rel.toString(), Files.isDirectory(p) ? "<folder>" : ContentHash.of(p));
      }
    }
    return out;
  }

  /** Image files in label folders and all files in the trash, by path, as the catalog should be. */
  static Map<String, String> trackedOnDisk(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = WorkspacePaths.text(root.relativize(p));
        if (!Files.isRegularFile(p)) {
          continue;
        }
        boolean inTrash = rel.startsWith(WorkspacePaths.TRASH);
        boolean inLabelFolder =
            !rel.startsWith(".") && rel.endsWith(".png") && root.relativize(p).getNameCount() >= 2;
        if (inTrash || inLabelFolder) {
          out.put(rel, ContentHash.of(p));
        }
      }
    }
    return out;
  }

  static Map<String, String> catalogued(Workspace ws) throws WorkspaceException {
    Map<String, String> out = new TreeMap<>();
    for (ImageRow r : ws.images()) {
      out.put(r.path(), r.hash());
    }
    for (ImageRow r : ws.trash()) {
      out.put(r.path(), r.hash());
    }
    return out;
  }

  static void assertCatalogMatchesDisk(Workspace ws, Path root) throws Exception {
    assertEquals(trackedOnDisk(root), catalogued(ws), "catalog vs disk");
  }

  /** The hashes of all files under the root (state folder included), sorted: one per file. */
  static List<String> allContent(Path root) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p) && p.toString().endsWith(".png")) {
          out.add(ContentHash.of(p));
        }
      }
    }
    out.sort(null);
    return out;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

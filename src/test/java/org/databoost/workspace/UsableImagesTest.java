package org.databoost.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.HashCache;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsableImagesTest {
  @TempDir Path root;
  @TempDir Path dataDir;

  @Test
  void aUsableDatasetGivesItsImagesPerSplit() throws Exception {
    pngDataset();
    try (Workspace ws = Workspace.open(root, Fixtures.options(dataDir))) {
      DatasetScan scan = UsableImages.scan(ws, Progress.NONE);
      assertEquals(4, scan.count(Split.TRAIN));
      assertEquals(2, scan.count(Split.VAL));
    }
  }

  @Test
  void anUnusableDatasetIsRefusedWithTheScansReason() throws Exception {
    Fixtures.write(root.resolve("train/i/a.png"), "not an image");
    Fixtures.write(root.resolve("val/i/a.png"), "not an image either");
    try (Workspace ws = Workspace.open(root, Fixtures.options(dataDir))) {
      DatasetScan direct = new DatasetScanner().scan(root, HashCache.NONE, Progress.NONE);
      DatasetException e =
          assertThrows(DatasetException.class, () -> UsableImages.scan(ws, Progress.NONE));
      assertEquals(
          "The dataset is not usable: " + direct.unusableReason().orElseThrow(), e.getMessage());
    }
  }

  @Test
  void aDatasetOfOneLabelCannotBeTrainedOnButCanBeJudged() throws Exception {
    for (String dir : List.of("train/i", "val/i")) {
      Fixtures.writePng(root.resolve(dir).resolve("a.png"), dir.length());
    }
    try (Workspace ws = Workspace.open(root, Fixtures.options(dataDir))) {
      DatasetException e =
          assertThrows(DatasetException.class, () -> UsableImages.scan(ws, Progress.NONE));
      assertEquals(
          "The dataset is not usable: only one label (i) has training images; a classifier needs"
              + " at least two",
          e.getMessage());
      DatasetScan judged = UsableImages.scanToJudge(new DatasetScanner(), ws, Progress.NONE);
      assertEquals(2, judged.images().size());
      assertEquals(false, judged.isUsable());
    }
  }

  @Test
  void unreadableImagesCannotEvenBeJudged() throws Exception {
    Fixtures.write(root.resolve("train/i/a.png"), "not an image");
    try (Workspace ws = Workspace.open(root, Fixtures.options(dataDir))) {
      DatasetException e =
          assertThrows(
              DatasetException.class,
              () -> UsableImages.scanToJudge(new DatasetScanner(), ws, Progress.NONE));
      assertEquals(true, e.getMessage().startsWith("The dataset is not usable: "), e.getMessage());
    }
  }

  /**
   * A file whose size and modification time did not change keeps its catalogued hash: the scan went
   * through the workspace's hash cache instead of hashing every file again.
   */
  @Test
  void theScanTakesUnchangedFilesHashesFromTheWorkspacesCache() throws Exception {
    List<Path> files = pngDataset();
    Path a = files.get(0);
    Path b = sameSizeAs(a);
    FileTime modified = Files.getLastModifiedTime(a);
    try (Workspace ws = Workspace.open(root, Fixtures.options(dataDir))) {
      String before = hashOf(UsableImages.scan(ws, Progress.NONE), a);
      Files.write(a, Files.readAllBytes(b));
      Files.setLastModifiedTime(a, modified);
      assertEquals(before, hashOf(UsableImages.scan(ws, Progress.NONE), a));
      DatasetScan uncached = new DatasetScanner().scan(root, HashCache.NONE, Progress.NONE);
      assertNotEquals(before, hashOf(uncached, a), "the fixture must change the content");
    }
  }

  private List<Path> pngDataset() throws Exception {
    int seed = 1;
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("train/i", "train/ii", "val/i", "val/ii")) {
      for (String name : dir.startsWith("val") ? List.of("a.png") : List.of("a.png", "b.png")) {
        files.add(Fixtures.writePng(root.resolve(dir).resolve(name), seed++));
      }
    }
    return files;
  }

  /** Another PNG of {@code a}'s size but other pixels, outside the dataset. */
  private Path sameSizeAs(Path a) throws Exception {
    for (int seed = 100; seed < 1000; seed++) {
      Path other = Fixtures.writePng(dataDir.resolve("other").resolve(seed + ".png"), seed);
      if (Files.size(other) == Files.size(a) && Files.mismatch(other, a) >= 0) {
        return other;
      }
    }
    throw new AssertionError("no PNG of the size of " + a);
  }

  private String hashOf(DatasetScan scan, Path file) {
    String rel = root.relativize(file).toString();
    return scan.images().stream()
        .filter(e -> e.relativePath().toString().equals(rel))
        .map(ImageEntry::hash)
        .findFirst()
        .orElseThrow(() -> new AssertionError(rel + " not in the scan"));
  }
}

package org.databoost.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetScannerTest {
  @TempDir Path dir;
  DatasetFixture data;

  @BeforeEach
  void setUp() {
    data = new DatasetFixture(dir.resolve("ds"));
  }

  private DatasetScan scan() {
    return new DatasetScanner().scan(data.root(), Progress.NONE);
  }

  static List<String> lines(DatasetScan scan, ProblemKind kind) {
    return scan.problems().stream()
        .filter(p -> p.kind() == kind)
        .map(p -> p.displayPath() + ": " + p.message())
        .toList();
  }

  @Test
  void readsSplitFoldersWithCountsPerSplitAndLabel() throws IOException {
    data.trainAndVal().images("test/a", 1);

    DatasetScan scan = scan();

    assertTrue(scan.isUsable());
    assertEquals(List.of("a", "b"), scan.labels());
    assertEquals(List.of(Split.TRAIN, Split.VAL, Split.TEST), scan.splits());
    assertEquals(Map.of("a", 4, "b", 4), scan.counts().get(Split.TRAIN));
    assertEquals(0, scan.count(Split.TEST, "b"));
    assertEquals(List.of(), scan.problems());
    ImageEntry first = scan.images().get(0);
    assertEquals("train/a/0.png", first.displayPath());
    assertEquals(24, first.width());
    assertEquals(20, first.height());
    assertEquals(64, first.hash().length());
  }

  @Test
  void reportsAMissingFolder() {
    DatasetScan scan = scan();

    assertFalse(scan.isUsable());
    assertTrue(scan.layout().isEmpty());
    assertEquals(
        Optional.of("The folder " + data.root().toAbsolutePath() + " does not exist."),
        scan.unusableReason());
  }

  @Test
  void reportsAFileGivenInsteadOfAFolder() throws IOException {
    Files.writeString(dir.resolve("ds"), "text");

    DatasetScan scan = scan();

    assertEquals(
        Optional.of(data.root().toAbsolutePath() + " is not a folder."), scan.unusableReason());
  }

  @Test
  void reportsARootFolderThatCannotBeListed() throws IOException {
    data.trainAndVal();
    DirectoryLister denied =
        d -> {
          throw new AccessDeniedException(d.toString());
        };

    DatasetScan scan =
        new DatasetScanner(ScanOptions.defaults().withLister(denied))
            .scan(data.root(), Progress.NONE);

    assertEquals(
        Optional.of(
            "The folder "
                + data.root().toAbsolutePath()
                + " cannot be read (permission"
                + " denied)."),
        scan.unusableReason());
  }

  @Test
  void reportsAnUnreadableLabelFolderAndLoadsTheRest() throws IOException {
    data.trainAndVal().images("train/c", 2);
    Path locked = data.root().resolve("train/c").toAbsolutePath();
    DirectoryLister lister =
        d -> {
          if (d.equals(locked)) {
            throw new AccessDeniedException(d.toString());
          }
          return DirectoryLister.FILES.list(d);
        };

    DatasetScan scan =
        new DatasetScanner(ScanOptions.defaults().withLister(lister))
            .scan(data.root(), Progress.NONE);

    assertTrue(scan.isUsable());
    assertEquals(
        List.of("train/c: this folder cannot be read (permission denied); its files are not used"),
        lines(scan, ProblemKind.UNREADABLE_FOLDER));
    assertEquals(8, scan.count(Split.TRAIN));
  }

  @Test
  void reportsAFolderWithoutReadPermission() throws IOException {
    data.trainAndVal();
    Path locked = data.folder("train/c");
    data.image("train/c/0.png");
    locked.toFile().setReadable(false, false);
    try {
      Assumptions.assumeFalse(
          Files.isReadable(locked), "running as root: permissions do not stop reading");

      DatasetScan scan = scan();

      assertEquals(1, lines(scan, ProblemKind.UNREADABLE_FOLDER).size());
    } finally {
      locked.toFile().setReadable(true, false);
    }
  }

  @Test
  void reportsAFolderWithNoImagesAsUnusable() throws IOException {
    data.folder("train/a");
    data.folder("val/a");

    DatasetScan scan = scan();

    assertFalse(scan.isUsable());
    assertEquals(
        Optional.of("no usable images were found in " + data.root().toAbsolutePath()),
        scan.unusableReason());
    assertEquals(
        List.of("train/a: an empty label folder", "val/a: an empty label folder"),
        lines(scan, ProblemKind.EMPTY_LABEL));
  }

  @Test
  void warnsAboutEmptyLabelFoldersAndLeavesThemOutOfTheLabels() throws IOException {
    data.trainAndVal().folder("train/c");

    DatasetScan scan = scan();

    assertTrue(scan.isUsable());
    assertEquals(List.of("a", "b"), scan.labels());
    assertEquals(List.of("train/c: an empty label folder"), lines(scan, ProblemKind.EMPTY_LABEL));
  }

  @Test
  void warnsAboutALabelInValThatTrainLacks() throws IOException {
    data.trainAndVal().images("val/c", 3);

    DatasetScan scan = scan();

    assertTrue(scan.isUsable());
    assertEquals(List.of("a", "b", "c"), scan.labels());
    assertEquals(
        List.of(
            "val/c: label c has 3 images in val but none in train, so a model trained on train"
                + " cannot learn it"),
        lines(scan, ProblemKind.LABEL_NOT_IN_TRAIN));
  }

  @Test
  void ignoresHiddenAndSystemFilesQuietly() throws IOException {
    data.trainAndVal();
    data.file(".DS_Store", new byte[] {1, 2});
    data.file("train/a/.DS_Store", new byte[] {1, 2});
    data.file("train/a/Thumbs.db", new byte[] {1, 2});
    data.file("train/.hidden-label/x.png", new byte[] {1, 2});
    data.file(DatasetLayout.STATE_DIR + "/journal.db", new byte[] {1, 2});

    DatasetScan scan = scan();

    assertEquals(List.of(), scan.problems());
    assertEquals(12, scan.images().size());
  }

  @Test
  void reportsStrayFilesAndNestedFoldersAndExcludesThem() throws IOException {
    data.trainAndVal();
    data.image("train/loose.png");
    data.image("train/a/deeper/1.png");

    DatasetScan scan = scan();

    assertTrue(scan.isUsable());
    assertEquals(
        List.of("train/loose.png: a file directly in train/, outside any label folder; not used"),
        lines(scan, ProblemKind.STRAY_FILE));
    assertEquals(
        List.of("train/a/deeper: a folder inside the label folder train/a; its files are not used"),
        lines(scan, ProblemKind.NESTED_FOLDER));
    assertEquals(8, scan.count(Split.TRAIN));
  }

  @Test
  void notesUnexpectedEntriesNextToTheSplitFolders() throws IOException {
    data.trainAndVal();
    data.file("README.md", "notes".getBytes(StandardCharsets.UTF_8));
    data.images("validation/a", 1);

    DatasetScan scan = scan();

    assertEquals(
        List.of(
            "README.md: a file next to the split folders; only train/, val/, test/ and"
                + " label_book/ are read"),
        lines(scan, ProblemKind.IGNORED_FILE));
    assertEquals(
        List.of(
            "validation: not a split folder (expected train, val, test or label_book); not"
                + " scanned"),
        lines(scan, ProblemKind.UNEXPECTED_FOLDER));
  }

  @Test
  void setsValidationAsideFromTrainWhenValIsMissing() throws IOException {
    data.images("train/a", 10).images("train/b", 5);

    DatasetScan scan = scan();

    assertTrue(scan.isUsable());
    assertTrue(scan.virtualValidation());
    assertEquals(Map.of("a", 8, "b", 4), scan.counts().get(Split.TRAIN));
    assertEquals(Map.of("a", 2, "b", 1), scan.counts().get(Split.VAL));
    assertEquals(1, lines(scan, ProblemKind.VIRTUAL_SPLIT).size());
    assertTrue(lines(scan, ProblemKind.VIRTUAL_SPLIT).get(0).startsWith(": there is no val/"));
  }

  @Test
  void splitsASingleFolderOfLabelsEightyTwentyPerLabelTheSameWayEveryTime() throws IOException {
    data.images("cat", 20).images("dog", 10);

    DatasetScan first = scan();
    DatasetScan second =
        new DatasetScanner(ScanOptions.defaults().withThreads(1)).scan(data.root(), Progress.NONE);

    assertTrue(first.isUsable());
    assertEquals(DatasetLayout.Kind.LABEL_FOLDERS, first.layout().orElseThrow().kind());
    assertEquals(Map.of("cat", 16, "dog", 8), first.counts().get(Split.TRAIN));
    assertEquals(Map.of("cat", 4, "dog", 2), first.counts().get(Split.VAL));
    assertEquals(first.images(), second.images());
    assertTrue(
        lines(first, ProblemKind.VIRTUAL_SPLIT).get(0).contains("split 80/20"),
        "the report says the split is virtual");
  }

  @Test
  void refusesSplitFoldersWithoutTrain() throws IOException {
    data.images("val/a", 2).images("val/b", 2);

    DatasetScan scan = scan();

    assertEquals(
        Optional.of(
            "there is no train/ folder; a dataset needs train/ and val/ folders, or one folder"
                + " per label"),
        scan.unusableReason());
  }

  @Test
  void refusesASingleLabel() throws IOException {
    data.images("train/a", 3).images("val/a", 1);

    DatasetScan scan = scan();

    assertEquals(
        Optional.of("only one label (a) has training images; a classifier needs at least two"),
        scan.unusableReason());
  }

  @Test
  void takesHashesOfUnchangedFilesFromTheCache() throws IOException {
    data.trainAndVal();
    Path cached = Path.of("train", "a", "0.png");
    // the scan checks images on several threads
    List<Path> asked = java.util.Collections.synchronizedList(new ArrayList<>());
    HashCache cache =
        (rel, size, modified) -> {
          asked.add(rel);
          return rel.equals(cached) ? Optional.of("cached-hash") : Optional.empty();
        };

    DatasetScan scan = new DatasetScanner().scan(data.root(), cache, Progress.NONE);

    assertEquals(12, asked.size());
    assertEquals("cached-hash", scan.images().get(0).hash());
    assertEquals(ContentHash.of(data.root().resolve("train/a/1.png")), scan.images().get(1).hash());
  }

  @Test
  void givesTheSameResultOnOneThreadAndOnTwo() throws IOException {
    data.trainAndVal().file("train/a/bad.png", new byte[] {1, 2, 3});

    DatasetScan one =
        new DatasetScanner(ScanOptions.defaults().withThreads(1)).scan(data.root(), Progress.NONE);
    DatasetScan two =
        new DatasetScanner(ScanOptions.defaults().withThreads(2)).scan(data.root(), Progress.NONE);

    assertEquals(one.images(), two.images());
    assertEquals(one.problems(), two.problems());
  }

  @Test
  void reportsProgressAndStopsWhenCancelled() throws IOException {
    data.trainAndVal();
    List<Long> done = new ArrayList<>();
    Progress cancelAfterThree =
        new Progress() {
          @Override
          public void update(String stage, long d, long total) {
            if (stage.equals("Checking images")) {
              done.add(d);
            }
          }

          @Override
          public boolean isCancelled() {
            return done.size() > 3;
          }
        };

    assertThrows(
        CancelledException.class, () -> new DatasetScanner().scan(data.root(), cancelAfterThree));
    assertEquals(List.of(0L, 1L, 2L, 3L), done);
  }
}

package org.databoost.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.databoost.imaging.TestImages;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinksScanTest {
  @TempDir Path dir;
  DatasetFixture data;

  @BeforeEach
  void setUp() throws IOException {
    data = new DatasetFixture(dir.resolve("ds")).trainAndVal();
  }

  private DatasetScan scan() {
    return new DatasetScanner().scan(data.root(), Progress.NONE);
  }

  @Test
  void refusesLinksThatLeaveTheDataset() throws IOException {
    Path outside = TestImages.png(dir.resolve("elsewhere/secret.png"), 999);
    Files.createSymbolicLink(data.root().resolve("train/a/link.png"), outside);
    Files.createSymbolicLink(data.root().resolve("train/c"), outside.getParent());

    DatasetScan scan = scan();

    String real = outside.toRealPath().toString();
    assertEquals(
        List.of(
            "train/a/link.png: a symbolic link to "
                + real
                + ", outside the dataset folder; refused",
            "train/c: a symbolic link to "
                + outside.getParent().toRealPath()
                + ", outside the dataset folder; refused"),
        DatasetScannerTest.lines(scan, ProblemKind.LINK_OUTSIDE));
    assertEquals(8, scan.count(Split.TRAIN));
    assertEquals(List.of("a", "b"), scan.labels());
  }

  @Test
  void followsLinksInsideTheDatasetButCountsEachFileOnce() throws IOException {
    Files.createSymbolicLink(
        data.root().resolve("train/a/alias.png"), data.root().resolve("train/a/0.png"));
    Files.createSymbolicLink(data.root().resolve("train/c"), Path.of("../val/b"));

    DatasetScan scan = scan();

    assertEquals(
        List.of(
            "train/a/alias.png: the same file as train/a/0.png (reached through a symbolic"
                + " link); counted once",
            "train/c/0.png: the same file as val/b/0.png (reached through a symbolic link);"
                + " counted once",
            "train/c/1.png: the same file as val/b/1.png (reached through a symbolic link);"
                + " counted once"),
        DatasetScannerTest.lines(scan, ProblemKind.SAME_FILE_LINK));
    assertEquals(8, scan.count(Split.TRAIN));
    assertEquals(List.of(), DatasetScannerTest.lines(scan, ProblemKind.DUPLICATE));
    assertEquals(List.of(), DatasetScannerTest.lines(scan, ProblemKind.LEAKAGE));
  }

  @Test
  void reportsBrokenLinks() throws IOException {
    Files.createSymbolicLink(data.root().resolve("train/a/gone.png"), Path.of("missing.png"));

    DatasetScan scan = scan();

    assertEquals(
        List.of("train/a/gone.png: a symbolic link to missing.png, which is missing"),
        DatasetScannerTest.lines(scan, ProblemKind.BROKEN_LINK));
    assertTrue(scan.isUsable());
  }
}

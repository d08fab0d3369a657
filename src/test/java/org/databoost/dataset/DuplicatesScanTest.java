package org.databoost.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicatesScanTest {
  @TempDir Path dir;
  DatasetFixture data;

  @BeforeEach
  void setUp() throws IOException {
    data = new DatasetFixture(dir.resolve("ds")).trainAndVal();
  }

  private void copy(String from, String to) throws IOException {
    Files.copy(data.root().resolve(from), data.root().resolve(to));
  }

  private DatasetScan scan() {
    return new DatasetScanner().scan(data.root(), Progress.NONE);
  }

  @Test
  void reportsTheSameBytesInTrainAndValAsLeakageWithBothPaths() throws IOException {
    copy("train/a/0.png", "val/a/copy.png");

    DatasetScan scan = scan();

    assertEquals(
        List.of(
            "val/a/copy.png: byte-identical to train/a/0.png (the same image is in train and"
                + " val)"),
        DatasetScannerTest.lines(scan, ProblemKind.LEAKAGE));
    assertTrue(scan.isUsable(), "leakage is a warning; both copies stay");
    assertEquals(3, scan.count(Split.VAL, "a"));
  }

  @Test
  void reportsTheSameBytesTwiceInASplitAsADuplicate() throws IOException {
    copy("train/a/0.png", "train/a/again.png");

    DatasetScan scan = scan();

    assertEquals(
        List.of("train/a/again.png: byte-identical to train/a/0.png"),
        DatasetScannerTest.lines(scan, ProblemKind.DUPLICATE));
    assertEquals(Problem.Severity.WARNING, scan.problems().get(0).severity());
  }

  @Test
  void reportsTheSameBytesUnderTwoLabels() throws IOException {
    copy("train/a/0.png", "train/b/same.png");
    copy("train/a/1.png", "val/b/other.png");

    DatasetScan scan = scan();

    assertEquals(
        List.of(
            "train/b/same.png: byte-identical to train/a/0.png, but labelled a there and b here"),
        DatasetScannerTest.lines(scan, ProblemKind.CONFLICTING_LABELS));
    assertEquals(
        List.of(
            "val/b/other.png: byte-identical to train/a/1.png (the same image is in train and val;"
                + " labelled a there and b here)"),
        DatasetScannerTest.lines(scan, ProblemKind.LEAKAGE));
  }
}

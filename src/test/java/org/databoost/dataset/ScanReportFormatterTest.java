package org.databoost.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanReportFormatterTest {
  @TempDir Path dir;

  @Test
  void rendersCountsThenProblemsByKindThenTheVerdict() throws IOException {
    DatasetFixture data = new DatasetFixture(dir.resolve("ds")).trainAndVal();
    data.file("train/a/zero.png", new byte[0]);
    data.file("train/b/empty.png", new byte[0]);
    data.image("train/loose.png");

    DatasetScan scan = new DatasetScanner().scan(data.root(), Progress.NONE);
    String report = new ScanReportFormatter().format(scan);

    assertEquals(
        "Dataset: "
            + data.root()
            + "\n"
            + "Layout: split folders train/, val/\n"
            + "\n"
            + "label   train     val   total\n"
            + "a           4       2       6\n"
            + "b           4       2       6\n"
            + "total       8       4      12\n"
            + "\n"
            + "ERROR: Empty files (2)\n"
            + "  train/a/zero.png: empty file (0 bytes)\n"
            + "  train/b/empty.png: empty file (0 bytes)\n"
            + "\n"
            + "WARNING: Files outside label folders (1)\n"
            + "  train/loose.png: a file directly in train/, outside any label folder; not used\n"
            + "\n"
            + "Usable: 12 images in 2 labels; 2 errors, 1 warning.\n",
        report);
  }

  @Test
  void aDatasetOfOneLabelCannotBeTrainedOnButIsStillJudged() throws IOException {
    DatasetFixture data = new DatasetFixture(dir.resolve("one"));
    data.image("train/i/a.png");
    data.image("val/i/b.png");
    DatasetScan scan = new DatasetScanner().scan(data.root(), Progress.NONE);
    assertEquals(
        "No model can be trained: only one label (i) has training images; a classifier needs at"
            + " least two. Evaluate still flags leaks, duplicates and junk from the embeddings"
            + " alone.",
        new ScanReportFormatter().verdict(scan));
  }

  @Test
  void endsWithTheReasonWhenTheDatasetIsNotUsable() {
    DatasetScan scan = new DatasetScanner().scan(dir.resolve("absent"), Progress.NONE);

    String report = new ScanReportFormatter().format(scan);

    String reason = "The folder " + dir.resolve("absent").toAbsolutePath() + " does not exist.";
    assertEquals(
        "Dataset: "
            + dir.resolve("absent")
            + "\n"
            + "\n"
            + "ERROR: Dataset folder (1)\n"
            + "  "
            + reason
            + "\n"
            + "\n"
            + "Not usable: "
            + reason
            + "\n",
        report);
  }
}

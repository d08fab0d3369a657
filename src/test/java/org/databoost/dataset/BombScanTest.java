package org.databoost.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.databoost.imaging.PngBomb;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BombScanTest {
  @TempDir Path dir;

  @Test
  void refusesADecompressionBombFromItsHeaderAndLoadsTheRest() throws IOException {
    DatasetFixture data = new DatasetFixture(dir.resolve("ds")).trainAndVal();
    PngBomb.write(data.root().resolve("train/a/bomb.png"), 30000);
    long start = System.nanoTime();

    DatasetScan scan = new DatasetScanner().scan(data.root(), Progress.NONE);

    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("scan with a 30000x30000 PNG took " + millis + " ms");
    assertEquals(
        List.of(
            "train/a/bomb.png: too large: 30000 x 30000 pixels (the limit is 100 megapixels); not"
                + " decoded"),
        DatasetScannerTest.lines(scan, ProblemKind.TOO_LARGE));
    assertTrue(scan.isUsable());
    assertEquals(8, scan.count(Split.TRAIN));
    assertTrue(millis < 5_000, "refused from the header, not decoded");
  }
}

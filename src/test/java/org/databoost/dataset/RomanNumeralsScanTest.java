package org.databoost.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The scan on the real competition data, when the shared checkout holds it. */
class RomanNumeralsScanTest {
  private static final Path DATA = SharedData.ROMAN_NUMERALS;

  @Test
  void scansTheCompetitionDataWithRomanLabelsInNumericOrder() {
    Assumptions.assumeTrue(
        Files.isDirectory(DATA), "the competition data is not at " + DATA.toAbsolutePath());
    long start = System.nanoTime();

    DatasetScan scan = new DatasetScanner().scan(DATA, Progress.NONE);

    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(new ScanReportFormatter().format(scan));
    System.out.printf("scan of %d images took %d ms%n", scan.images().size(), millis);
    assertTrue(scan.isUsable(), () -> scan.unusableReason().orElse(""));
    assertEquals(
        List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"), scan.labels());
    assertEquals(2067, scan.count(Split.TRAIN));
    assertEquals(813, scan.count(Split.VAL));
    assertEquals(52, scan.count(Split.LABEL_BOOK));
    assertTrue(scan.problems(Problem.Severity.ERROR).isEmpty(), "no file is refused");
  }
}

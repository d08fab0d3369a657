package org.databoost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.databoost.dataset.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
  private static final Path ROMAN = SharedData.ROMAN_NUMERALS;

  @Test
  void reportsTheCompetitionDataCountsPerSplit() {
    assumeTrue(Files.isDirectory(ROMAN), "the competition data is not at " + ROMAN);
    CliRun run = CliRun.of("info", ROMAN.toString());
    assertEquals(ExitCodes.OK, run.code, run.toString());
    assertTrue(run.out.matches("(?s).*\\ntotal\\s+2067\\s+813\\s+52\\s+2932\\n.*"), run.out);
    assertTrue(run.out.contains("Usable: 2932 images in 10 labels"), run.out);
  }

  @Test
  void aMissingFolderIsUnusableWithItsReason(@TempDir Path tmp) {
    CliRun run = CliRun.of("info", tmp.resolve("nope").toString());
    assertEquals(ExitCodes.DATASET_UNUSABLE, run.code, run.toString());
    assertTrue(run.out.contains("does not exist"), run.out);
  }

  @Test
  void aFolderWithoutImagesIsUnusable(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("train/a"));
    Files.writeString(tmp.resolve("train/a/readme.txt"), "not an image");
    CliRun run = CliRun.of("info", tmp.toString());
    assertEquals(ExitCodes.DATASET_UNUSABLE, run.code, run.toString());
    assertTrue(run.out.contains("Not usable"), run.out);
    assertTrue(run.out.contains("readme.txt"), run.out);
  }
}

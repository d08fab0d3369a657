package org.databoost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainWorkerCommandTest {
  @Test
  void aBadSpecFailsWithOneLineThatNamesIt(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("fold-1.spec"), "garbage");
    CliRun run = CliRun.of("train-worker", bad.toString());
    assertEquals(ExitCodes.FAILURE, run.code, run.toString());
    assertTrue(run.err.contains(bad + " is not a fold spec."), run.toString());
  }

  @Test
  void theWorkerCommandIsHiddenFromHelp() {
    CliRun run = CliRun.of("--help");
    assertFalse(run.out.contains("train-worker"), run.toString());
  }
}

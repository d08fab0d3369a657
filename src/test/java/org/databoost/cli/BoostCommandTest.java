package org.databoost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoostCommandTest {
  @TempDir Path tmp;

  @Test
  void boostPrintsTheRoundTableAndUndoRevertsTheRound() throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    CliRun run =
        CliRun.of(
            "boost",
            data.toString(),
            "--candidates",
            "800",
            "--k",
            "2",
            "--rounds",
            "1",
            "--epochs",
            "2",
            "--threads",
            "1",
            "--budget",
            "100");
    assertEquals(0, run.code, run.toString());
    assertTrue(run.out.contains("Round  Errors"), run.out);
    assertTrue(run.out.contains("Baseline: run #1 (trained now)"), run.out);
    assertTrue(run.out.contains("Stopped: "), run.out);
    assertTrue(run.out.contains("800 candidates"), run.out);

    CliRun history = CliRun.of("history", data.toString());
    assertTrue(history.out.contains("Boost round 1"), history.toString());
  }

  @Test
  void badOptionsAreRefusedWithAReason() throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(2, 1, 0), Progress.NONE);
    CliRun run = CliRun.of("boost", data.toString(), "--compare", "nothing");
    assertEquals(ExitCodes.USAGE, run.code, run.toString());
    assertTrue(run.out.contains("--compare only knows 'random'"), run.out);
    CliRun k = CliRun.of("boost", data.toString(), "--k", "0");
    assertTrue(k.code != 0, k.toString());
  }
}

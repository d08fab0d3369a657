package org.databoost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 100,000 rows must stream through a small heap. */
class LargeReportTest {
  static final int ROWS = 100_000;

  @TempDir Path dir;

  @Test
  void aHundredThousandRowsAreWrittenAndReadBack() throws Exception {
    Path file = dir.resolve("large.xlsx");
    ReportBenchmark.Result r = ReportBenchmark.run(ROWS, file);
    System.out.printf(
        "100K-row report: %d ms, peak heap %d MiB, %d KiB on disk%n",
        r.millis(), r.peakHeapBytes() >> 20, Files.size(file) >> 10);
    assertEquals(ROWS + 1, r.rowsRead(), "header plus one row per image");
  }

  /**
   * The same write in a fresh JVM limited to 256 MiB of heap: with the rows streamed, the 100,000
   * input rows themselves are most of what needs memory.
   */
  @Test
  void aHundredThousandRowsFitIn256MiBOfHeap() throws IOException, InterruptedException {
    Path file = dir.resolve("small-heap.xlsx");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ReportBenchmark.class.getName());
    command.add(String.valueOf(ROWS));
    command.add(file.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "benchmark timed out");
    System.out.print("with -Xmx256m: " + output);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("read back " + (ROWS + 1) + " rows"), output);
  }
}

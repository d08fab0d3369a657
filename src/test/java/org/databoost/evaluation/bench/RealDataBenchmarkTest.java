package org.databoost.evaluation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.DatasetScanner;
import org.databoost.evaluation.DataVerdicts;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-data benchmark counts the verdicts and writes, for each verdict, a contact sheet of its
 * top flags and a CSV of all its flags in the sheet's order.
 */
class RealDataBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void writesASheetAndAListOfEveryFlagForEachVerdict() throws Exception {
    Path data = tmp.resolve("sample");
    new SampleDatasetGenerator()
        .generate(
            data, SampleSpec.defaults().withPerLabel(24, 8, 2).withJunkCount(6), Progress.NONE);
    Path sheets = Files.createDirectories(tmp.resolve("sheets"));
    RealDataBenchmark.Report r =
        new RealDataBenchmark(new DatasetScanner())
            .run(data, tmp.resolve("state"), sheets, 5, 42, Progress.NONE);
    assertTrue(r.flagged() > 0, "the sample's mislabelled and junk images are flagged");
    assertEquals(r.counts().size(), r.sheets().size(), "a sheet per verdict");
    for (Map.Entry<DataVerdicts.Kind, Integer> e : r.counts().entrySet()) {
      String name = "flags-" + e.getKey().text().replace(' ', '-');
      assertTrue(Files.size(sheets.resolve(name + ".png")) > 0, name);
      List<String> lines = Files.readAllLines(sheets.resolve(name + ".csv"));
      assertEquals("rank,path,given,suggested,quality,judges", lines.get(0));
      assertEquals(e.getValue() + 1, lines.size(), name + ": a line per flag, not only the top 5");
      assertTrue(lines.get(1).startsWith("1,"), lines.get(1));
      double previous = -1;
      for (String line : lines.subList(1, lines.size())) {
        double quality = Double.parseDouble(line.split(",")[4]);
        assertTrue(quality >= previous, "ranked by quality: " + line);
        previous = quality;
      }
    }
  }
}

package org.databoost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.databoost.sample.OneLabelDataset;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapCommandTest {
  @TempDir Path tmp;

  @Test
  void writesAPngAndCsvWithAPointPerTrainAndValImage() throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    CliRun png = CliRun.of("map", data.toString(), "--out", tmp.resolve("m.png").toString());
    assertEquals(0, png.code, png.toString());
    assertTrue(png.out.contains("(90 points)"), png.out);
    assertEquals(1200, ImageIO.read(tmp.resolve("m.png").toFile()).getWidth());

    CliRun csv = CliRun.of("map", data.toString(), "--out", tmp.resolve("m.csv").toString());
    assertEquals(0, csv.code, csv.toString());
    List<String> lines = Files.readAllLines(tmp.resolve("m.csv"));
    assertEquals(91, lines.size());
    assertTrue(lines.stream().skip(1).noneMatch(l -> l.contains("NaN")), lines.toString());

    CliRun bad = CliRun.of("map", data.toString(), "--out", tmp.resolve("m.gif").toString());
    assertEquals(ExitCodes.FAILURE, bad.code);

    try (Workspace ws = Workspace.open(data, WorkspaceOptions.defaults())) {
      var latest = ws.projections().latest().orElseThrow();
      assertEquals("glyph-v3", latest.embedder());
      assertEquals(90, ws.projections().points(latest.id()).size(), "each map is kept");
    }
  }

  @Test
  void aDatasetOfOneLabelIsMappedTooTrainAgainstVal() throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    Path one = OneLabelDataset.copyOf(data, tmp.resolve("one"));
    CliRun csv = CliRun.of("map", one.toString(), "--out", tmp.resolve("one.csv").toString());
    assertEquals(0, csv.code, csv.toString());
    assertTrue(csv.out.contains("(9 points)"), csv.out);
    assertEquals(10, Files.readAllLines(tmp.resolve("one.csv")).size());
  }
}

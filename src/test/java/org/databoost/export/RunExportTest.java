package org.databoost.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.databoost.app.TestServices;
import org.databoost.report.ReportOptions;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export of a chosen run from a real workspace: its judges, the edit log, the right run. */
class RunExportTest {
  @TempDir Path tmp;

  @Test
  void theChosenRunIsExportedWithItsJudgesAndTheEditLog() throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(5, 2, 1), Progress.NONE);
    try (Workspace ws =
        Workspace.open(data, WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")))) {
      RunRecord first = TestServices.keepKnownRun(ws, "quick", 3);
      String moved = ws.images().get(0).path();
      ws.relabel(List.of(moved), ws.images().get(0).label().equals("x") ? "ix" : "x");
      TestServices.keepKnownRun(ws, "competition", 0); // a later run: not the one exported
      Path out = tmp.resolve("first.xlsx");
      RunExport.write(ws, first, out, ReportOptions.DEFAULT, Progress.NONE);
      try (InputStream in = Files.newInputStream(out);
          XSSFWorkbook wb = new XSSFWorkbook(in)) {
        XSSFSheet summary = wb.getSheet("Summary");
        boolean quick = false;
        for (int r = 0; r <= summary.getLastRowNum(); r++) {
          XSSFRow row = summary.getRow(r);
          if (row != null
              && row.getCell(1) != null
              && row.getCell(0).getStringCellValue().equals("preset")) {
            quick = row.getCell(1).getStringCellValue().equals("quick");
          }
        }
        assertTrue(quick, "the chosen run's parameters, not the latest run's");
        XSSFSheet images = wb.getSheet("Images");
        int trainJudged = 0;
        for (int r = 1; r <= images.getLastRowNum(); r++) {
          XSSFRow row = images.getRow(r);
          String judges = row.getCell(12).getStringCellValue();
          if (row.getCell(2).getStringCellValue().equals("train")) {
            assertTrue(judges.startsWith("model out of sample (fold "), judges);
            trainJudged++;
          } else {
            assertEquals("model out of sample (main model)", judges);
          }
        }
        assertEquals(50, trainJudged);
        XSSFSheet log = wb.getSheet("Edit log");
        assertEquals(1, log.getLastRowNum(), "one edit");
        assertEquals("relabel", log.getRow(1).getCell(2).getStringCellValue());
        assertEquals(1, log.getRow(1).getCell(4).getNumericCellValue(), 0);
        assertEquals(0, wb.getSheet("Boost rounds").getLastRowNum(), "no rounds: the header");
      }
    }
  }
}

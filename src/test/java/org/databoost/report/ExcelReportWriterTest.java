package org.databoost.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.databoost.dataset.Split;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExcelReportWriterTest {
  @TempDir Path dir;

  private XSSFWorkbook writeAndOpen(ReportData data, ReportOptions options) throws IOException {
    Path file = dir.resolve("report.xlsx");
    new ExcelReportWriter(options).write(data, file, Progress.NONE);
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  @Test
  void theWorkbookHasItsFiveSheetsInOrder() throws IOException {
    try (XSSFWorkbook wb =
        writeAndOpen(
            ReportFixtures.data(ReportFixtures.rows(12, true, 1)), ReportOptions.DEFAULT)) {
      assertEquals(5, wb.getNumberOfSheets());
      assertEquals("Images", wb.getSheetName(0));
      assertEquals("Confusion", wb.getSheetName(1));
      assertEquals("Summary", wb.getSheetName(2));
      assertEquals("Edit log", wb.getSheetName(3));
      assertEquals("Boost rounds", wb.getSheetName(4));
    }
  }

  @Test
  void theExtrasFillTheirColumnsTheEditLogAndTheBoostRounds() throws IOException {
    List<ImageRow> rows = ReportFixtures.rows(6, false, 3);
    ImageRow worst = rows.stream().max((a, b) -> Double.compare(a.loss(), b.loss())).orElseThrow();
    ReportExtras extras =
        new ReportExtras(
            java.util.Map.of(
                worst.file(),
                new ReportExtras.ImageExtras(
                    "model out of sample (fold 2)", 3, 0.75, "train/iv/a.png rot 4.0", true)),
            List.of(
                new ReportExtras.JournalEntry(
                    7,
                    java.time.Instant.parse("2026-12-01T10:00:00Z"),
                    "relabel",
                    "done",
                    2,
                    "relabel 2 files to iv",
                    false),
                new ReportExtras.JournalEntry(
                    8,
                    java.time.Instant.parse("2026-12-01T10:01:00Z"),
                    "undo",
                    "done",
                    2,
                    "undo #7",
                    false)),
            List.of(
                new ReportExtras.BoostRound(
                    1,
                    40,
                    120,
                    0.70,
                    0.74,
                    java.util.OptionalDouble.of(0.6),
                    java.util.OptionalDouble.of(0.65),
                    java.util.OptionalDouble.empty(),
                    9,
                    5,
                    true,
                    12,
                    4)));
    Path file = dir.resolve("extras.xlsx");
    new ExcelReportWriter().write(ReportFixtures.data(rows), extras, file, Progress.NONE);
    try (InputStream in = Files.newInputStream(file);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      XSSFSheet images = wb.getSheet("Images");
      XSSFRow header = images.getRow(0);
      assertEquals("Predicted by", header.getCell(12).getStringCellValue());
      assertEquals("Added by Boost from", header.getCell(15).getStringCellValue());
      XSSFRow first = images.getRow(1);
      assertEquals(worst.file(), first.getCell(1).getStringCellValue());
      assertEquals("model out of sample (fold 2)", first.getCell(12).getStringCellValue());
      assertEquals(3, first.getCell(13).getNumericCellValue(), 1e-12);
      assertEquals(0.75, first.getCell(14).getNumericCellValue(), 1e-12);
      assertEquals("train/iv/a.png rot 4.0", first.getCell(15).getStringCellValue());
      assertEquals("Label kept by the user", header.getCell(16).getStringCellValue());
      assertEquals("yes", first.getCell(16).getStringCellValue());
      assertEquals(null, images.getRow(2).getCell(12), "an image the extras do not know");

      XSSFSheet log = wb.getSheet("Edit log");
      assertEquals(2, log.getLastRowNum());
      assertEquals("Description", log.getRow(0).getCell(5).getStringCellValue());
      assertEquals(7, log.getRow(1).getCell(0).getNumericCellValue(), 0);
      assertEquals("relabel", log.getRow(1).getCell(2).getStringCellValue());
      assertEquals("undo #7", log.getRow(2).getCell(5).getStringCellValue());

      XSSFSheet boost = wb.getSheet("Boost rounds");
      assertEquals(1, boost.getLastRowNum());
      XSSFRow round = boost.getRow(1);
      assertEquals(120, round.getCell(2).getNumericCellValue(), 0);
      assertEquals(0.74, round.getCell(4).getNumericCellValue(), 1e-12);
      assertEquals(0.65, round.getCell(6).getNumericCellValue(), 1e-12);
      assertEquals(null, round.getCell(7), "no random ablation");
      assertEquals("yes", round.getCell(10).getStringCellValue());
    }
  }

  @Test
  void imageRowsAreWrittenHighestLossFirstWithAllColumns() throws IOException {
    List<ImageRow> rows = ReportFixtures.rows(12, true, 1);
    try (XSSFWorkbook wb = writeAndOpen(ReportFixtures.data(rows), ReportOptions.DEFAULT)) {
      XSSFSheet sheet = wb.getSheet("Images");
      assertEquals(12, sheet.getLastRowNum());
      XSSFRow header = sheet.getRow(0);
      for (int c = 0; c < ImagesSheet.HEADERS.size(); c++) {
        assertEquals(ImagesSheet.HEADERS.get(c), header.getCell(c).getStringCellValue());
      }
      ImageRow worst =
          rows.stream().max((a, b) -> Double.compare(a.loss(), b.loss())).orElseThrow();
      XSSFRow first = sheet.getRow(1);
      assertEquals(worst.file(), first.getCell(1).getStringCellValue());
      assertEquals(worst.split().folder(), first.getCell(2).getStringCellValue());
      assertEquals(worst.givenLabel(), first.getCell(3).getStringCellValue());
      assertEquals(worst.predictedLabel(), first.getCell(4).getStringCellValue());
      assertEquals(worst.loss(), first.getCell(5).getNumericCellValue(), 1e-12);
      assertEquals(worst.confidence(), first.getCell(6).getNumericCellValue(), 1e-12);
      assertEquals(worst.selfConfidence(), first.getCell(7).getNumericCellValue(), 1e-12);
      assertEquals("label error", first.getCell(8).getStringCellValue());
      assertEquals(worst.suggestedLabel(), first.getCell(9).getStringCellValue());
      double previous = Double.POSITIVE_INFINITY;
      for (int r = 1; r <= 12; r++) {
        double loss = sheet.getRow(r).getCell(5).getNumericCellValue();
        assertTrue(loss <= previous, "row " + r + " is out of loss order");
        previous = loss;
      }
      long notNumeral =
          Stream.iterate(1, r -> r + 1)
              .limit(12)
              .map(sheet::getRow)
              .filter(r -> r.getCell(8) != null)
              .filter(r -> r.getCell(8).getStringCellValue().equals("not a numeral"))
              .count();
      assertEquals(1, notNumeral);
    }
  }

  @Test
  void headerIsFrozenFilteredAndTheLossColumnHasAColourScale() throws IOException {
    try (XSSFWorkbook wb =
        writeAndOpen(
            ReportFixtures.data(ReportFixtures.rows(12, true, 1)), ReportOptions.DEFAULT)) {
      XSSFSheet sheet = wb.getSheet("Images");
      PaneInformation pane = sheet.getPaneInformation();
      assertNotNull(pane);
      assertTrue(pane.isFreezePane());
      assertEquals(1, pane.getHorizontalSplitPosition());
      assertEquals(0, pane.getVerticalSplitPosition());
      assertEquals("A1:Q13", sheet.getCTWorksheet().getAutoFilter().getRef());
      var formatting = sheet.getSheetConditionalFormatting();
      assertEquals(1, formatting.getNumConditionalFormattings());
      var cf = formatting.getConditionalFormattingAt(0);
      assertEquals("F2:F13", cf.getFormattingRanges()[0].formatAsString());
      assertNotNull(cf.getRule(0).getColorScaleFormatting());
      assertTrue(sheet.getColumnWidth(1) > sheet.getColumnWidth(2), "file column is wide");
      assertEquals(0, sheet.getNumMergedRegions());
    }
  }

  @Test
  void thumbnailsArePicturesInsideTheirRowThatMoveWithTheCells() throws IOException {
    try (XSSFWorkbook wb =
        writeAndOpen(
            ReportFixtures.data(ReportFixtures.rows(12, true, 1)), ReportOptions.DEFAULT)) {
      XSSFSheet sheet = wb.getSheet("Images");
      XSSFDrawing drawing = sheet.getDrawingPatriarch();
      List<XSSFPicture> pictures = new ArrayList<>();
      drawing.getShapes().forEach(s -> pictures.add((XSSFPicture) s));
      assertEquals(12, pictures.size());
      assertEquals(12, wb.getAllPictures().size());
      for (XSSFPicture p : pictures) {
        ClientAnchor a = p.getClientAnchor();
        assertEquals(0, a.getCol1());
        assertEquals(0, a.getCol2());
        assertEquals(a.getRow1(), a.getRow2());
        assertEquals(ClientAnchor.AnchorType.MOVE_AND_RESIZE, a.getAnchorType());
        assertTrue(sheet.getRow(a.getRow1()).getHeightInPoints() >= 40, "row tall enough");
      }
    }
  }

  @Test
  void thumbnailsStopAtTheLimitAndGoToTheHighestLossRows() throws IOException {
    ReportOptions fiveThumbnails = ReportOptions.DEFAULT.withThumbnailLimit(5);
    try (XSSFWorkbook wb =
        writeAndOpen(ReportFixtures.data(ReportFixtures.rows(12, true, 1)), fiveThumbnails)) {
      XSSFSheet sheet = wb.getSheet("Images");
      List<Integer> rows = new ArrayList<>();
      sheet
          .getDrawingPatriarch()
          .getShapes()
          .forEach(s -> rows.add(((XSSFPicture) s).getClientAnchor().getRow1()));
      assertEquals(List.of(1, 2, 3, 4, 5), rows.stream().sorted().toList());
    }
  }

  @Test
  void confusionSheetHoldsTheValidationMatrixAndPerClassFigures() throws IOException {
    List<ImageRow> rows = ReportFixtures.rows(40, false, 2);
    ConfusionMatrix expected = ConfusionMatrix.of(ReportFixtures.LABELS, rows, Split.VAL);
    try (XSSFWorkbook wb = writeAndOpen(ReportFixtures.data(rows), ReportOptions.DEFAULT)) {
      XSSFSheet sheet = wb.getSheet("Confusion");
      int h = ConfusionSheet.MATRIX_HEADER_ROW;
      int k = ReportFixtures.LABELS.size();
      for (int j = 0; j < k; j++) {
        assertEquals(
            ReportFixtures.LABELS.get(j), sheet.getRow(h).getCell(j + 1).getStringCellValue());
        assertEquals(
            ReportFixtures.LABELS.get(j), sheet.getRow(h + 1 + j).getCell(0).getStringCellValue());
      }
      int[][] read = new int[k][k];
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          read[i][j] = (int) sheet.getRow(h + 1 + i).getCell(j + 1).getNumericCellValue();
        }
      }
      assertArrayEquals(expected.counts(), read);
      assertEquals(10, expected.total(), "every 4th of 40 rows is in val");
      Map<String, Double> byName = new HashMap<>();
      sheet.forEach(
          row -> {
            if (row.getCell(0) != null
                && row.getCell(1) != null
                && row.getCell(0).getCellType() == CellType.STRING
                && row.getCell(1).getCellType() == CellType.NUMERIC) {
              byName.putIfAbsent(
                  row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
            }
          });
      assertEquals(expected.accuracy(), byName.get("Accuracy"), 1e-12);
      // The per-class table: label "i" in the first column, precision then recall then support.
      int perClassHeader = h + k + 3;
      assertEquals("Precision", sheet.getRow(perClassHeader).getCell(1).getStringCellValue());
      XSSFRow first = sheet.getRow(perClassHeader + 1);
      assertEquals("i", first.getCell(0).getStringCellValue());
      assertEquals(expected.recall(0), first.getCell(2).getNumericCellValue(), 1e-12);
      assertEquals(expected.support(0), first.getCell(3).getNumericCellValue(), 1e-12);
    }
  }

  @Test
  void summaryListsDatasetParametersAccuraciesAndTimings() throws IOException {
    ReportData data = ReportFixtures.data(ReportFixtures.rows(14, false, 3));
    try (XSSFWorkbook wb = writeAndOpen(data, ReportOptions.DEFAULT)) {
      Map<String, String> entries = new HashMap<>();
      wb.getSheet("Summary")
          .forEach(
              row -> {
                if (row.getCell(1) != null) {
                  var cell = row.getCell(1);
                  String value =
                      cell.getCellType() == CellType.NUMERIC
                          ? String.valueOf(cell.getNumericCellValue())
                          : cell.getStringCellValue();
                  entries.put(row.getCell(0).getStringCellValue(), value);
                }
              });
      assertEquals("/data/roman-numerals", entries.get("Dataset"));
      assertEquals("0.1.0-test", entries.get("Program version"));
      assertEquals("2024-05-01T12:30:00Z", entries.get("Created"));
      assertEquals("competition", entries.get("preset"));
      assertEquals("100", entries.get("epochs"));
      assertEquals("8", entries.get("batch"));
      assertEquals("42", entries.get("seed"));
      assertEquals("2", entries.get("threads"));
      assertEquals("5", entries.get("folds"));
      assertEquals("0.912", entries.get("Accuracy (train)"));
      assertEquals("0.804", entries.get("Accuracy (val)"));
      assertEquals("37.0", entries.get("Best epoch"));
      assertEquals("754.3", entries.get("training"));
      assertEquals("14.0", entries.get("Images"));
      assertEquals("2.0", entries.get("Label errors flagged"));
      assertEquals("1.0", entries.get("Not a numeral flagged"));
    }
  }

  @Test
  void anEmptyDatasetStillGivesAValidWorkbook() throws IOException {
    try (XSSFWorkbook wb = writeAndOpen(ReportFixtures.data(List.of()), ReportOptions.DEFAULT)) {
      assertEquals(0, wb.getSheet("Images").getLastRowNum());
      assertEquals(
          0, wb.getSheet("Images").getSheetConditionalFormatting().getNumConditionalFormattings());
    }
  }

  @Test
  void cancellingLeavesThePreviousFileAndNoPartialFile() throws IOException {
    Path file = dir.resolve("report.xlsx");
    Files.writeString(file, "previous export");
    Progress cancelAfterFirstBatch =
        new Progress() {
          int updates;

          @Override
          public void update(String stage, long done, long total) {
            updates++;
          }

          @Override
          public boolean isCancelled() {
            return updates >= 1;
          }
        };
    ExcelReportWriter writer = new ExcelReportWriter(new ReportOptions(0, 10));
    ReportData data = ReportFixtures.data(ReportFixtures.rows(100, false, 4));
    assertThrows(CancelledException.class, () -> writer.write(data, file, cancelAfterFirstBatch));
    assertEquals("previous export", Files.readString(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void progressIsReportedEveryNRows() throws IOException {
    List<Long> done = new ArrayList<>();
    Progress recorder =
        new Progress() {
          @Override
          public void update(String stage, long d, long total) {
            if (stage.equals(ImagesSheet.STAGE)) {
              done.add(d);
              assertEquals(25, total);
            }
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    new ExcelReportWriter(new ReportOptions(0, 10))
        .write(
            ReportFixtures.data(ReportFixtures.rows(25, false, 5)),
            dir.resolve("r.xlsx"),
            recorder);
    assertEquals(List.of(10L, 20L, 25L), done);
  }

  @Test
  void aMissingFolderIsAnIoErrorNotAStrayFile() {
    Path file = dir.resolve("no-such-folder").resolve("report.xlsx");
    ReportData data = ReportFixtures.data(ReportFixtures.rows(3, false, 6));
    IOException e =
        assertThrows(
            IOException.class, () -> new ExcelReportWriter().write(data, file, Progress.NONE));
    assertTrue(e.getMessage().contains("does not exist"));
    assertFalse(Files.exists(file));
  }
}

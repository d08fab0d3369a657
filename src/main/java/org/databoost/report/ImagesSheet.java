package org.databoost.report;

import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.ExtendedColor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.databoost.task.Progress;

/**
 * The per-image table: one row per image, highest loss first, so that sorting and filtering in
 * Excel is all the user needs. No merged cells; pictures sit inside their own cell and move with it
 * when the rows are sorted.
 */
final class ImagesSheet {
  static final String NAME = "Images";
  static final String STAGE = "Writing the image table";
  static final List<String> HEADERS =
      List.of(
          "Image",
          "File",
          "Split",
          "Given",
          "Predicted",
          "Loss",
          "Confidence",
          "Self-confidence",
          "Issue",
          "Suggested label",
          "Label quality",
          "Judges",
          "Predicted by",
          "Duplicate group",
          "Outlier score",
          "Added by Boost from",
          "Label kept by the user");
  static final int LOSS_COLUMN = 5;
  private static final int[] WIDTHS_IN_CHARS = {
    0, 48, 8, 10, 10, 9, 11, 15, 14, 15, 13, 60, 30, 14, 12, 60, 12
  };
  // The thumbnail cell is about CELL_PX square; the picture keeps INSET_PX from its edges.
  private static final int CELL_PX = 60;
  private static final int INSET_PX = 3;

  private final SXSSFWorkbook wb;
  private final ReportStyles styles;
  private final ReportOptions options;

  ImagesSheet(SXSSFWorkbook wb, ReportStyles styles, ReportOptions options) {
    this.wb = wb;
    this.styles = styles;
    this.options = options;
  }

  void write(List<ImageRow> images, Progress progress) {
    write(images, ReportExtras.NONE, progress);
  }

  /** The table, with the extras' columns filled for the images they know. */
  void write(List<ImageRow> images, ReportExtras extras, Progress progress) {
    SXSSFSheet sheet = wb.createSheet(NAME);
    setColumnWidths(sheet);
    Row header = sheet.createRow(0);
    for (int c = 0; c < HEADERS.size(); c++) {
      text(header, c, HEADERS.get(c), styles.header);
    }
    sheet.createFreezePane(0, 1);
    fitPrintToPageWidth(sheet);
    List<ImageRow> byLoss = images.stream().sorted(HIGHEST_LOSS_FIRST).toList();
    Drawing<?> drawing = sheet.createDrawingPatriarch();
    int pictures = 0;
    int total = byLoss.size();
    for (int i = 0; i < total; i++) {
      ImageRow image = byLoss.get(i);
      int r = i + 1;
      Row row = sheet.createRow(r);
      if (image.thumbnailPng() != null && pictures < options.thumbnailLimit()) {
        row.setHeightInPoints(CELL_PX * 0.75f);
        addPicture(drawing, r, image.thumbnailPng());
        pictures++;
      }
      fill(row, image);
      ReportExtras.ImageExtras more = extras.images().get(image.file());
      if (more != null) {
        fill(row, more);
      }
      if ((i + 1) % options.progressEvery() == 0) {
        progress.update(STAGE, i + 1, total);
        progress.checkCancelled();
      }
    }
    progress.update(STAGE, total, total);
    int lastRow = Math.max(total, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, HEADERS.size() - 1));
    if (total > 0) {
      addLossColourScale(sheet.getSheetConditionalFormatting(), total);
    }
  }

  // NaN losses (unknown) go last; equal losses keep a stable order by file name.
  private static final Comparator<ImageRow> HIGHEST_LOSS_FIRST =
      Comparator.comparingDouble((ImageRow r) -> Double.isNaN(r.loss()) ? -1e300 : r.loss())
          .reversed()
          .thenComparing(ImageRow::file);

  private void fill(Row row, ImageRow image) {
    text(row, 1, image.file(), styles.text);
    text(row, 2, image.split().folder(), styles.text);
    text(row, 3, image.givenLabel(), styles.text);
    text(row, 4, image.predictedLabel(), styles.text);
    number(row, 5, image.loss());
    number(row, 6, image.confidence());
    number(row, 7, image.selfConfidence());
    if (image.issue() != IssueFlag.NONE) {
      text(row, 8, image.issue().text(), styles.text);
    }
    if (image.suggestedLabel() != null && !image.suggestedLabel().isEmpty()) {
      text(row, 9, image.suggestedLabel(), styles.text);
    }
    if (image.issue() != IssueFlag.NONE) {
      number(row, 10, image.quality());
    }
    if (image.judges() != null && !image.judges().isEmpty()) {
      text(row, 11, image.judges(), styles.text);
    }
  }

  private void fill(Row row, ReportExtras.ImageExtras more) {
    if (!more.predictedBy().isEmpty()) {
      text(row, 12, more.predictedBy(), styles.text);
    }
    if (more.duplicateGroup() > 0) {
      Cell cell = row.createCell(13);
      cell.setCellValue(more.duplicateGroup());
      cell.setCellStyle(styles.integer);
    }
    number(row, 14, more.outlierScore());
    if (!more.provenance().isEmpty()) {
      text(row, 15, more.provenance(), styles.text);
    }
    if (more.labelKept()) {
      text(row, 16, "yes", styles.text);
    }
  }

  private void addPicture(Drawing<?> drawing, int r, byte[] png) {
    int index = wb.addPicture(png, Workbook.PICTURE_TYPE_PNG);
    PngSize size = PngSize.of(png);
    int box = CELL_PX - 2 * INSET_PX;
    double scale = Math.min(box / (double) size.width(), box / (double) size.height());
    int w = Math.max(1, (int) Math.round(size.width() * scale));
    int h = Math.max(1, (int) Math.round(size.height() * scale));
    int left = INSET_PX + (box - w) / 2;
    int top = INSET_PX + (box - h) / 2;
    ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
    anchor.setCol1(0);
    anchor.setRow1(r);
    anchor.setCol2(0);
    anchor.setRow2(r);
    anchor.setDx1(left * Units.EMU_PER_PIXEL);
    anchor.setDy1(top * Units.EMU_PER_PIXEL);
    anchor.setDx2((left + w) * Units.EMU_PER_PIXEL);
    anchor.setDy2((top + h) * Units.EMU_PER_PIXEL);
    // Pictures follow their cell when the user sorts or filters the rows.
    anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
    drawing.createPicture(anchor, index);
  }

  private static void addLossColourScale(SheetConditionalFormatting formatting, int rows) {
    ConditionalFormattingRule rule = formatting.createConditionalFormattingColorScaleRule();
    ColorScaleFormatting scale = rule.getColorScaleFormatting();
    scale.getThresholds()[0].setRangeType(RangeType.MIN);
    scale.getThresholds()[1].setRangeType(RangeType.PERCENTILE);
    scale.getThresholds()[1].setValue(50d);
    scale.getThresholds()[2].setRangeType(RangeType.MAX);
    // Green (low loss), yellow, red (high loss): Excel's own three-colour scale.
    ((ExtendedColor) scale.getColors()[0]).setARGBHex("FF63BE7B");
    ((ExtendedColor) scale.getColors()[1]).setARGBHex("FFFFEB84");
    ((ExtendedColor) scale.getColors()[2]).setARGBHex("FFF8696B");
    formatting.addConditionalFormatting(
        new CellRangeAddress[] {new CellRangeAddress(1, rows, LOSS_COLUMN, LOSS_COLUMN)}, rule);
  }

  /** Printed (or exported to PDF) the table is one page wide, header repeated on every page. */
  private static void fitPrintToPageWidth(SXSSFSheet sheet) {
    PageSetup.onePageWide(sheet, true);
    sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
  }

  private static void setColumnWidths(SXSSFSheet sheet) {
    // Column width is in 1/256 of a character of about 7 pixels.
    sheet.setColumnWidth(0, (int) Math.round(CELL_PX / 7.0 * 256));
    for (int c = 1; c < WIDTHS_IN_CHARS.length; c++) {
      sheet.setColumnWidth(c, WIDTHS_IN_CHARS[c] * 256);
    }
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private void number(Row row, int column, double value) {
    if (!Double.isNaN(value)) {
      Cell cell = row.createCell(column);
      cell.setCellValue(value);
      cell.setCellStyle(styles.decimal);
    }
  }
}

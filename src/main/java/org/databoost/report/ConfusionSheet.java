package org.databoost.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold;
import org.apache.poi.ss.usermodel.ExtendedColor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The validation confusion matrix (given label down, predicted label across) with totals, then
 * precision, recall and support per class and the overall accuracy.
 */
final class ConfusionSheet {
  static final String NAME = "Confusion";

  /** The row of the matrix's column headers; the matrix body starts one row below. */
  static final int MATRIX_HEADER_ROW = 2;

  private final ReportStyles styles;

  ConfusionSheet(ReportStyles styles) {
    this.styles = styles;
  }

  void write(Sheet sheet, ConfusionMatrix m) {
    int k = m.size();
    PageSetup.onePageWide(sheet, true);
    sheet.setColumnWidth(0, 18 * 256);
    for (int c = 1; c <= k + 1; c++) {
      sheet.setColumnWidth(c, 10 * 256);
    }
    text(
            sheet.createRow(0),
            0,
            "Validation confusion matrix (rows: given label, columns: predicted)")
        .setCellStyle(styles.title);

    Row header = sheet.createRow(MATRIX_HEADER_ROW);
    text(header, 0, "given \\ predicted").setCellStyle(styles.header);
    for (int j = 0; j < k; j++) {
      text(header, j + 1, m.labels().get(j)).setCellStyle(styles.header);
    }
    text(header, k + 1, "Total").setCellStyle(styles.header);
    int r = MATRIX_HEADER_ROW + 1;
    for (int i = 0; i < k; i++, r++) {
      Row row = sheet.createRow(r);
      text(row, 0, m.labels().get(i)).setCellStyle(styles.header);
      for (int j = 0; j < k; j++) {
        number(row, j + 1, m.count(i, j), styles.integer);
      }
      number(row, k + 1, m.support(i), styles.integer);
    }
    Row totals = sheet.createRow(r++);
    text(totals, 0, "Total").setCellStyle(styles.header);
    for (int j = 0; j < k; j++) {
      number(totals, j + 1, m.predicted(j), styles.integer);
    }
    number(totals, k + 1, m.total(), styles.integer);
    if (k > 0) {
      shadeBody(sheet.getSheetConditionalFormatting(), k);
    }

    r++;
    Row perClass = sheet.createRow(r++);
    String[] headers = {"Label", "Precision", "Recall", "Support"};
    for (int c = 0; c < headers.length; c++) {
      text(perClass, c, headers[c]).setCellStyle(styles.header);
    }
    for (int i = 0; i < k; i++) {
      Row row = sheet.createRow(r++);
      text(row, 0, m.labels().get(i));
      number(row, 1, m.precision(i), styles.percent);
      number(row, 2, m.recall(i), styles.percent);
      number(row, 3, m.support(i), styles.integer);
    }
    r++;
    Row accuracy = sheet.createRow(r);
    text(accuracy, 0, "Accuracy").setCellStyle(styles.header);
    number(accuracy, 1, m.accuracy(), styles.percent);
  }

  /** A white-to-blue scale on the counts, so the diagonal and the big confusions stand out. */
  private static void shadeBody(SheetConditionalFormatting formatting, int k) {
    ConditionalFormattingRule rule = formatting.createConditionalFormattingColorScaleRule();
    var scale = rule.getColorScaleFormatting();
    scale.setNumControlPoints(2);
    scale.getThresholds()[0].setRangeType(ConditionalFormattingThreshold.RangeType.MIN);
    scale.getThresholds()[1].setRangeType(ConditionalFormattingThreshold.RangeType.MAX);
    ((ExtendedColor) scale.getColors()[0]).setARGBHex("FFFFFFFF");
    ((ExtendedColor) scale.getColors()[1]).setARGBHex("FF5B9BD5");
    int first = MATRIX_HEADER_ROW + 1;
    formatting.addConditionalFormatting(
        new CellRangeAddress[] {new CellRangeAddress(first, first + k - 1, 1, k)}, rule);
  }

  private static Cell text(Row row, int column, String value) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    return cell;
  }

  /** Writes a number; NaN (undefined, e.g. precision of a class never predicted) stays blank. */
  private static void number(Row row, int column, double value, CellStyle style) {
    if (!Double.isNaN(value)) {
      Cell cell = row.createCell(column);
      cell.setCellValue(value);
      cell.setCellStyle(style);
    }
  }
}

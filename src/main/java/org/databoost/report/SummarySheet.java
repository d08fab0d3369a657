package org.databoost.report;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.databoost.dataset.Split;

/** Two columns, name and value: where the data came from, how the run was set up, how it went. */
final class SummarySheet {
  static final String NAME = "Summary";

  private final ReportStyles styles;
  private Sheet sheet;
  private int next;

  SummarySheet(ReportStyles styles) {
    this.styles = styles;
  }

  void write(Sheet target, ReportData data) {
    sheet = target;
    next = 0;
    PageSetup.onePageWide(sheet, false);
    sheet.setColumnWidth(0, 28 * 256);
    sheet.setColumnWidth(1, 60 * 256);
    section("Databoost report");
    entry("Dataset", data.datasetPath());
    entry("Program version", data.programVersion());
    entry("Created", data.created().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    entry("Images", data.images().size(), styles.integer);
    entry("Label errors flagged", count(data, IssueFlag.LABEL_ERROR), styles.integer);
    entry("Not a numeral flagged", count(data, IssueFlag.NOT_A_NUMERAL), styles.integer);
    next++;
    section("Run parameters");
    for (Map.Entry<String, String> e : data.parameters().entrySet()) {
      entry(e.getKey(), e.getValue());
    }
    next++;
    section("Results");
    for (Map.Entry<Split, Double> e : data.accuracyBySplit().entrySet()) {
      entry("Accuracy (" + e.getKey().folder() + ")", e.getValue(), styles.percent);
    }
    if (data.bestEpoch() != null) {
      entry("Best epoch", data.bestEpoch(), styles.integer);
    }
    next++;
    section("Timings (seconds)");
    for (Map.Entry<String, Duration> e : data.timings().entrySet()) {
      entry(e.getKey(), e.getValue().toMillis() / 1000.0, styles.decimal);
    }
  }

  private static long count(ReportData data, IssueFlag flag) {
    return data.images().stream().filter(r -> r.issue() == flag).count();
  }

  private void section(String title) {
    Cell cell = sheet.createRow(next++).createCell(0);
    cell.setCellValue(title);
    cell.setCellStyle(styles.title);
  }

  private void entry(String name, String value) {
    Row row = sheet.createRow(next++);
    row.createCell(0).setCellValue(name);
    row.createCell(1).setCellValue(value);
  }

  private void entry(String name, double value, CellStyle style) {
    Row row = sheet.createRow(next++);
    row.createCell(0).setCellValue(name);
    Cell cell = row.createCell(1);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }
}

package org.databoost.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/** The "Edit log" sheet (the journal) and the "Boost rounds" sheet: one row per entry. */
final class LogSheets {
  static final String JOURNAL = "Edit log";
  static final String BOOST = "Boost rounds";
  static final List<String> JOURNAL_HEADERS =
      List.of("Edit", "Started", "Kind", "Status", "Files", "Description", "Undone");
  static final List<String> BOOST_HEADERS =
      List.of(
          "Round",
          "Val errors before",
          "Images added",
          "Val accuracy before",
          "Val accuracy after",
          "Label book before",
          "Label book after",
          "Random candidates: val accuracy",
          "Errors fixed",
          "New errors",
          "Kept",
          "Edit",
          "Run");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final ReportStyles styles;

  LogSheets(ReportStyles styles) {
    this.styles = styles;
  }

  void writeJournal(Sheet sheet, List<ReportExtras.JournalEntry> entries) {
    header(sheet, JOURNAL_HEADERS, new int[] {7, 20, 12, 12, 8, 70, 8});
    int r = 1;
    for (ReportExtras.JournalEntry e : entries) {
      Row row = sheet.createRow(r++);
      number(row, 0, e.id(), styles.integer);
      text(row, 1, TIME.format(e.startedAt()));
      text(row, 2, e.kind());
      text(row, 3, e.status());
      number(row, 4, e.files(), styles.integer);
      text(row, 5, e.description());
      text(row, 6, e.undone() ? "yes" : "");
    }
    filter(sheet, entries.size(), JOURNAL_HEADERS.size());
  }

  void writeBoost(Sheet sheet, List<ReportExtras.BoostRound> rounds) {
    header(sheet, BOOST_HEADERS, new int[] {7, 10, 10, 12, 12, 12, 12, 16, 9, 9, 7, 7, 7});
    int r = 1;
    for (ReportExtras.BoostRound b : rounds) {
      Row row = sheet.createRow(r++);
      number(row, 0, b.round(), styles.integer);
      number(row, 1, b.errorsBefore(), styles.integer);
      number(row, 2, b.added(), styles.integer);
      number(row, 3, b.valBefore(), styles.percent);
      number(row, 4, b.valAfter(), styles.percent);
      optional(row, 5, b.labelBookBefore());
      optional(row, 6, b.labelBookAfter());
      optional(row, 7, b.randomValAfter());
      number(row, 8, b.fixed(), styles.integer);
      number(row, 9, b.appeared(), styles.integer);
      text(row, 10, b.kept() ? "yes" : "undone");
      number(row, 11, b.opId(), styles.integer);
      number(row, 12, b.runId(), styles.integer);
    }
    filter(sheet, rounds.size(), BOOST_HEADERS.size());
  }

  private void header(Sheet sheet, List<String> headers, int[] widths) {
    PageSetup.onePageWide(sheet, true);
    Row row = sheet.createRow(0);
    for (int c = 0; c < headers.size(); c++) {
      Cell cell = row.createCell(c);
      cell.setCellValue(headers.get(c));
      cell.setCellStyle(styles.header);
      sheet.setColumnWidth(c, widths[c] * 256);
    }
    sheet.createFreezePane(0, 1);
  }

  private static void filter(Sheet sheet, int rows, int columns) {
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows, 1), 0, columns - 1));
  }

  private void text(Row row, int c, String value) {
    Cell cell = row.createCell(c);
    cell.setCellValue(value);
    cell.setCellStyle(styles.text);
  }

  private static void number(Row row, int c, double value, CellStyle style) {
    Cell cell = row.createCell(c);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private void optional(Row row, int c, OptionalDouble value) {
    if (value.isPresent()) {
      number(row, c, value.getAsDouble(), styles.percent);
    }
  }
}

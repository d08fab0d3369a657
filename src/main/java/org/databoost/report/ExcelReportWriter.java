package org.databoost.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.databoost.files.AtomicFileWriter;
import org.databoost.task.Progress;

/**
 * Writes the Excel report: sheets "Images", "Confusion", "Summary", "Edit log" and "Boost rounds".
 * Rows are streamed (only a small window of rows is in memory), so 100,000 images fit in a modest
 * heap; the file appears under its name only once complete.
 */
public final class ExcelReportWriter {
  /** Rows kept in memory before SXSSF flushes them to its temporary file. */
  private static final int ROW_WINDOW = 100;

  private final ReportOptions options;

  public ExcelReportWriter(ReportOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public ExcelReportWriter() {
    this(ReportOptions.DEFAULT);
  }

  /**
   * Writes the report to {@code target}, replacing any file there.
   *
   * @throws IOException when the file cannot be written; the target is then unchanged
   * @throws org.databoost.task.CancelledException when {@code progress} asks to stop; the target is
   *     then unchanged
   */
  public void write(ReportData data, Path target, Progress progress) throws IOException {
    write(data, ReportExtras.NONE, target, progress);
  }

  /**
   * Writes the report with its extras: more columns on the Images sheet, and the "Edit log" and
   * "Boost rounds" sheets.
   */
  public void write(ReportData data, ReportExtras extras, Path target, Progress progress)
      throws IOException {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(extras, "extras");
    Objects.requireNonNull(progress, "progress");
    AtomicFileWriter.write(target, out -> writeWorkbook(data, extras, out, progress));
  }

  private void writeWorkbook(
      ReportData data, ReportExtras extras, OutputStream out, Progress progress)
      throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(null, ROW_WINDOW, true);
    try (wb) {
      ReportStyles styles = new ReportStyles(wb);
      new ImagesSheet(wb, styles, options).write(data.images(), extras, progress);
      new ConfusionSheet(styles)
          .write(wb.createSheet(ConfusionSheet.NAME), data.validationConfusion());
      new SummarySheet(styles).write(wb.createSheet(SummarySheet.NAME), data);
      LogSheets logs = new LogSheets(styles);
      logs.writeJournal(wb.createSheet(LogSheets.JOURNAL), extras.journal());
      logs.writeBoost(wb.createSheet(LogSheets.BOOST), extras.boostRounds());
      progress.checkCancelled();
      progress.update("Saving the workbook", -1, -1);
      wb.write(out);
    } finally {
      // SXSSF keeps the flushed rows in temporary files until told to delete them.
      wb.dispose();
    }
  }
}

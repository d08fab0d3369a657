package org.databoost.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles the report shares; a workbook holds a limited number, so make them once. */
final class ReportStyles {
  final CellStyle header;
  final CellStyle title;
  final CellStyle text;
  final CellStyle decimal;
  final CellStyle percent;
  final CellStyle integer;

  ReportStyles(Workbook wb) {
    Font bold = wb.createFont();
    bold.setBold(true);
    header = wb.createCellStyle();
    header.setFont(bold);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setBorderBottom(BorderStyle.THIN);
    header.setVerticalAlignment(VerticalAlignment.CENTER);

    Font big = wb.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 13);
    title = wb.createCellStyle();
    title.setFont(big);

    // Data cells sit at the top of tall thumbnail rows, next to the picture.
    text = wb.createCellStyle();
    text.setVerticalAlignment(VerticalAlignment.CENTER);
    decimal = wb.createCellStyle();
    decimal.setDataFormat(wb.createDataFormat().getFormat("0.000"));
    decimal.setVerticalAlignment(VerticalAlignment.CENTER);
    percent = wb.createCellStyle();
    percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
    integer = wb.createCellStyle();
    integer.setDataFormat(wb.createDataFormat().getFormat("0"));
  }
}

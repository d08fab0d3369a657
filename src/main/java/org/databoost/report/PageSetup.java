package org.databoost.report;

import org.apache.poi.ss.usermodel.Sheet;

/** Print layout: printed or exported to PDF, a sheet is one page wide and as long as needed. */
final class PageSetup {
  private PageSetup() {}

  static void onePageWide(Sheet sheet, boolean landscape) {
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setLandscape(landscape);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
  }
}

package org.databoost.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** Counts the rows of one sheet with a SAX pass, without loading the workbook into memory. */
final class StreamingRowCount {
  private StreamingRowCount() {}

  static long rows(Path xlsx, String sheetName) throws IOException {
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream in = sheets.next()) {
          if (sheets.getSheetName().equals(sheetName)) {
            long[] count = {0};
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(
                new DefaultHandler() {
                  @Override
                  public void startElement(String uri, String local, String q, Attributes a) {
                    if (local.equals("row")) {
                      count[0]++;
                    }
                  }
                });
            xml.parse(new InputSource(in));
            return count[0];
          }
        }
      }
      throw new IOException("no sheet named " + sheetName + " in " + xlsx);
    } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw new IOException("cannot read " + xlsx, e);
    }
  }
}

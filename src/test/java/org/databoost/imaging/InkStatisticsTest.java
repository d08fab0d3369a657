package org.databoost.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class InkStatisticsTest {
  private static BufferedImage page(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(235, 235, 235));
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.dispose();
    return img;
  }

  @Test
  void aBlankPageIsBlank() {
    InkStatistics s = InkStatistics.of(page(200, 180));
    assertTrue(s.blank());
    assertFalse(s.speck());
    assertEquals(0, s.inkShare());
  }

  @Test
  void aLoneDotIsASpeck() {
    BufferedImage img = page(200, 200);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.BLACK);
    g.fillOval(100, 90, 10, 10);
    g.dispose();
    InkStatistics s = InkStatistics.of(img);
    assertFalse(s.blank(), "ink share " + s.inkShare());
    assertTrue(s.speck(), s.toString());
  }

  @Test
  void aThinNumeralIsNeither() {
    BufferedImage img = page(120, 200);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(4));
    g.drawLine(60, 30, 60, 170); // an "i"
    g.dispose();
    InkStatistics s = InkStatistics.of(img);
    assertFalse(s.blank(), s.toString());
    assertFalse(s.speck(), s.toString());
    assertEquals(0.72, s.boxHeight(), 0.03);
  }

  @Test
  void aPageOfDustIsDustAndANumeralOnItIsNot() {
    BufferedImage img = page(256, 256);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.BLACK);
    java.util.Random r = new java.util.Random(5);
    for (int i = 0; i < 300; i++) {
      g.fillRect(r.nextInt(254), r.nextInt(254), 2, 2);
    }
    g.dispose();
    InkStatistics dust = InkStatistics.of(img);
    assertTrue(dust.dust(), dust.toString());
    assertFalse(dust.speck(), dust.toString());
    g = img.createGraphics();
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(4));
    g.drawLine(128, 60, 128, 200); // an "i" on the dusty page
    g.dispose();
    InkStatistics numeral = InkStatistics.of(img);
    assertFalse(numeral.dust(), numeral.toString());
    assertTrue(numeral.largestPiece() > 0.5, numeral.toString());
  }
}

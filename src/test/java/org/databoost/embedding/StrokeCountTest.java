package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StrokeCountTest {
  /** A 160 x 160 page drawn on with a pen of this width, anti-aliased as a scan would be. */
  private static BufferedImage page(float pen, Consumer<Graphics2D> draw) {
    BufferedImage image = new BufferedImage(160, 160, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 160, 160);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    draw.accept(g);
    g.dispose();
    return image;
  }

  /** Strokes from (x, 30) down to (x, 130). */
  private static Consumer<Graphics2D> bars(int... xs) {
    return g -> {
      for (int x : xs) {
        g.drawLine(x, 30, x, 130);
      }
    };
  }

  @Test
  void anIaIIandAnIIIcrossOneTwoAndThreeStrokes() {
    assertEquals(1, StrokeCount.of(page(8, bars(80))));
    assertEquals(2, StrokeCount.of(page(8, bars(60, 100))));
    assertEquals(3, StrokeCount.of(page(8, bars(40, 80, 120))));
  }

  @Test
  void boldStrokesCloseTogetherAreStillTwo() {
    // Two 14-pixel strokes 4 pixels apart: at the glyph embedder's 26 pixels they merge.
    assertEquals(2, StrokeCount.of(page(14, bars(60, 78))));
  }

  @Test
  void aViiCrossesTheArmsOfItsVAndTwoStrokes() {
    BufferedImage vii =
        page(
            6,
            g -> {
              g.drawLine(20, 30, 50, 130);
              g.drawLine(50, 130, 80, 30);
              g.drawLine(105, 30, 105, 130);
              g.drawLine(130, 30, 130, 130);
            });
    assertEquals(4, StrokeCount.of(vii));
  }

  @Test
  void serifsUnderlinesAndDustDoNotCount() {
    BufferedImage barred =
        page(
            6,
            g -> {
              bars(60, 100).accept(g);
              g.drawLine(40, 30, 120, 30); // bars over and under, as on the competition data
              g.drawLine(40, 130, 120, 130);
              g.fillRect(20, 80, 1, 1); // a speck of dust on the middle line
            });
    assertEquals(2, StrokeCount.of(barred));
  }

  @Test
  void measuredWithThePlaneItIsTheSameCountAndTheSamePlane() {
    BufferedImage ruled =
        page(
            6,
            g -> {
              bars(60, 100).accept(g);
              g.setStroke(new BasicStroke(1));
              for (int y = 20; y < 160; y += 40) {
                g.drawLine(0, y, 159, y); // squared paper's lines
              }
            });
    for (BufferedImage image : new BufferedImage[] {ruled, page(14, bars(60, 78))}) {
      GlyphInput.Measured m = GlyphInput.measured(image);
      assertEquals(StrokeCount.of(image), m.strokes());
      assertArrayEquals(GlyphInput.of(image), m.plane());
    }
  }

  @Test
  void aBlankPageHasNoCount() {
    assertEquals(StrokeCount.UNKNOWN, StrokeCount.of(page(8, g -> {})));
  }
}

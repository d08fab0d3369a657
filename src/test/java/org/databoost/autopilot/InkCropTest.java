package org.databoost.autopilot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InkCropTest {
  /** A 200 x 100 light-gray page with a dark 20 x 40 bar at (30, 20) and, optionally, a speck. */
  private static BufferedImage page(boolean speck) {
    BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 100; y++) {
      for (int x = 0; x < 200; x++) {
        boolean bar = x >= 30 && x < 50 && y >= 20 && y < 60;
        boolean dot = speck && x == 190 && y == 95;
        img.getRaster().setSample(x, y, 0, bar || dot ? 20 : 230);
      }
    }
    return img;
  }

  @Test
  void theInkIsCroppedWithItsMarginAndPaddedToASquareOfPaper() {
    BufferedImage out = InkCrop.normalise(page(false), 0.25).orElseThrow();
    assertEquals(out.getWidth(), out.getHeight(), "square");
    assertEquals(60, out.getWidth(), "the bar's longer side 40, plus 25% on each side");
    int[] s = out.getRaster().getSamples(0, 0, 60, 60, 0, new int[3600]);
    assertEquals(230, s[0], "padding is the paper's gray");
    assertEquals(20, s[30 * 60 + 30], "the bar sits in the middle");
    assertEquals(230, s[30 * 60 + 15], "left of the bar: paper");
    int darkColumns = 0;
    for (int x = 0; x < 60; x++) {
      darkColumns += s[30 * 60 + x] == 20 ? 1 : 0;
    }
    assertEquals(20, darkColumns, "the bar keeps its width: nothing is scaled");
  }

  @Test
  void aStraySpeckDoesNotWidenTheBox() {
    BufferedImage out = InkCrop.normalise(page(true), 0.25).orElseThrow();
    assertEquals(60, out.getWidth());
  }

  @Test
  void aBlankPageHasNothingToCropTo() {
    BufferedImage blank = new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 50; y++) {
      for (int x = 0; x < 50; x++) {
        blank.getRaster().setSample(x, y, 0, 240);
      }
    }
    assertEquals(Optional.empty(), InkCrop.normalise(blank, 0.1));
    assertTrue(InkCrop.inkBox(new float[4], 2, 2).isEmpty());
  }
}

package org.databoost.imaging.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class InkImageTest {

  /** 10x10 gray: 95 pixels of paper at 200, then 0, 100, 250 and two more 0s. */
  private static BufferedImage paperAt200() {
    BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < 100; i++) {
      image.getRaster().setSample(i % 10, i / 10, 0, 200);
    }
    image.getRaster().setSample(0, 0, 0, 0);
    image.getRaster().setSample(1, 0, 0, 100);
    image.getRaster().setSample(2, 0, 0, 250);
    image.getRaster().setSample(3, 0, 0, 0);
    image.getRaster().setSample(4, 0, 0, 0);
    return image;
  }

  @Test
  void inkIsMeasuredFromTheNinetiethPercentilePaperLevel() {
    InkImage ink = InkImage.of(paperAt200(), 64);
    assertEquals(10, ink.width());
    assertEquals(10, ink.height());
    assertEquals(1f, ink.ink()[0]);
    assertEquals(0.5f, ink.ink()[1]);
    assertEquals(0f, ink.ink()[2], "lighter than paper is paper");
    assertEquals(0f, ink.ink()[50]);
    assertEquals(3.5, ink.totalInk(), 1e-6);
  }

  @Test
  void colourImagesGoThroughGrayFirst() {
    BufferedImage rgb = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
    BufferedImage gray = paperAt200();
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        int g = gray.getRaster().getSample(x, y, 0);
        rgb.setRGB(x, y, g << 16 | g << 8 | g);
      }
    }
    assertEquals(InkImage.of(gray, 64), InkImage.of(rgb, 64));
  }

  @Test
  void largeImagesShrinkByAreaAveragingToMaxSideKeepingTheAspect() {
    BufferedImage wide = new BufferedImage(300, 150, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 150; y++) {
      for (int x = 0; x < 300; x++) {
        wide.getRaster().setSample(x, y, 0, x >= 100 && x < 103 ? 0 : 255); // a 3-px stroke
      }
    }
    InkImage full = InkImage.of(wide, 1000);
    InkImage small = InkImage.of(wide, 64);
    assertEquals(64, small.width());
    assertEquals(32, small.height());
    // Area averaging keeps the ink per area: a thin stroke becomes fainter, not lost.
    assertEquals(full.totalInk() * (64 * 32) / (300 * 150.0), small.totalInk(), 1e-3);
    assertSame(full, full.scaledTo(300), "never enlarged, no copy");
    assertEquals(300, InkImage.of(wide, 300).width());
  }

  @Test
  void toGrayInvertsAndClampsTheInk() {
    InkImage ink = new InkImage(5, 1, new float[] {0, 0.5f, 1, -0.2f, 1.7f});
    BufferedImage gray = ink.toGray();
    assertEquals(BufferedImage.TYPE_BYTE_GRAY, gray.getType());
    int[] samples = gray.getRaster().getSamples(0, 0, 5, 1, 0, new int[5]);
    assertArrayEquals(new int[] {255, 128, 0, 255, 0}, samples);
  }

  @Test
  void pngBytesAreDeterministicAndDecodeToTheGrayImage() throws IOException {
    InkImage a = Glyphs.iv(64);
    InkImage b = new InkImage(64, 64, a.ink().clone());
    byte[] png = a.toPng();
    assertArrayEquals(png, b.toPng());
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
    int[] expected = a.toGray().getRaster().getSamples(0, 0, 64, 64, 0, new int[64 * 64]);
    assertArrayEquals(expected, decoded.getRaster().getSamples(0, 0, 64, 64, 0, new int[64 * 64]));
  }

  @Test
  void equalityComparesThePixels() {
    InkImage a = Glyphs.iv(20);
    assertEquals(a, new InkImage(20, 20, a.ink().clone()));
    assertEquals(a.hashCode(), new InkImage(20, 20, a.ink().clone()).hashCode());
    float[] changed = a.ink().clone();
    changed[7] += 0.01f;
    assertNotEquals(a, new InkImage(20, 20, changed));
  }

  @Test
  void inconsistentShapesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new InkImage(3, 3, new float[8]));
    assertThrows(IllegalArgumentException.class, () -> new InkImage(0, 3, new float[0]));
    assertThrows(IllegalArgumentException.class, () -> InkImage.of(paperAt200(), 0));
  }
}

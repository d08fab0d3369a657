package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;

class RawPixelEmbedderTest {

  static BufferedImage bar(int w, int h, int x0, int x1) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.fillRect(x0, h / 4, x1 - x0, h / 2);
    g.dispose();
    return image;
  }

  @Test
  void vectorsHaveTheSideSquaredValuesUnitLengthAndZeroMean() {
    try (RawPixelEmbedder embedder = new RawPixelEmbedder()) {
      float[][] v =
          embedder.embedImages(List.of(bar(120, 90, 10, 40), bar(33, 200, 5, 20)), Progress.NONE);
      assertEquals(2, v.length);
      for (float[] row : v) {
        assertEquals(256, row.length);
        double norm = 0;
        double sum = 0;
        for (float x : row) {
          norm += x * x;
          sum += x;
        }
        assertEquals(1.0, norm, 1e-5);
        assertEquals(0.0, sum, 1e-4);
      }
      assertEquals("raw-pixels-16-v1", embedder.name());
    }
  }

  @Test
  void aBlankImageGivesTheZeroVector() {
    BufferedImage blank = bar(50, 50, 0, 0);
    float[] v = new RawPixelEmbedder(8).embedImages(List.of(blank), Progress.NONE)[0];
    assertEquals(64, v.length);
    for (float x : v) {
      assertEquals(0f, x, 1e-6);
    }
  }

  @Test
  void theSameImageTwiceGivesTheSameVector() {
    RawPixelEmbedder embedder = new RawPixelEmbedder(32);
    float[][] v =
        embedder.embedImages(List.of(bar(77, 51, 3, 9), bar(77, 51, 3, 9)), Progress.NONE);
    assertArrayEquals(v[0], v[1], 0f);
  }

  @Test
  void aSideBelowTwoIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RawPixelEmbedder(1));
  }
}

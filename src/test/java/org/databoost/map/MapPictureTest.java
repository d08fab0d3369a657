package org.databoost.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.util.List;
import org.databoost.dataset.Split;
import org.junit.jupiter.api.Test;

class MapPictureTest {
  private static final List<MapPoint> POINTS =
      List.of(
          new MapPoint("train/a/1.png", Split.TRAIN, "a", 0f, 0f, false),
          new MapPoint("val/b/2,x.png", Split.VAL, "b", 10f, 5f, true),
          new MapPoint("train/a/3.png", Split.TRAIN, "a", 5f, 10f, false));

  @Test
  void drawsEveryPointInsideTheCanvasInItsSplitColour() {
    BufferedImage img = MapPicture.draw(POINTS, 400, 300, "test");
    assertEquals(400, img.getWidth());
    // The bottom-right corner stays background; some pixel in the plot area is not white.
    assertEquals(0xFFFFFF, img.getRGB(399, 299) & 0xFFFFFF);
    boolean inked = false;
    for (int y = 60; y < 300 && !inked; y++) {
      for (int x = 0; x < 400 && !inked; x++) {
        inked = (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
      }
    }
    assertTrue(inked);
    assertNotEquals(MapPicture.TRAIN.getRGB(), MapPicture.VAL.getRGB());
  }

  @Test
  void csvHasAHeaderAndQuotesCommas() {
    StringWriter out = new StringWriter();
    MapPicture.writeCsv(POINTS, out);
    List<String> lines = out.toString().lines().toList();
    assertEquals("path,split,label,x,y,misclassified", lines.get(0));
    assertEquals(4, lines.size());
    assertEquals("\"val/b/2,x.png\",val,b,10.000000,5.000000,true", lines.get(2));
  }
}

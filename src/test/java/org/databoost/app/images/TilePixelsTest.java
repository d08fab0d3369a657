package org.databoost.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The gallery's off-heap thumbnails: decoded as JavaFX scales them, drawn, and their buffers
 * reused.
 */
@ExtendWith(ApplicationExtension.class)
class TilePixelsTest {
  @TempDir Path tmp;

  /** A 100 x 50 grey picture with a black square in its left half. */
  private Path picture() throws Exception {
    BufferedImage b = new BufferedImage(100, 50, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = b.createGraphics();
    g.setColor(Color.LIGHT_GRAY);
    g.fillRect(0, 0, 100, 50);
    g.setColor(Color.BLACK);
    g.fillRect(10, 10, 30, 30);
    g.dispose();
    Path file = tmp.resolve("p.png");
    ImageIO.write(b, "png", file.toFile());
    return file;
  }

  @Test
  void aDecodedPictureDrawsTheSamePixelsAsTheImageItCameFrom(FxRobot robot) throws Exception {
    Path file = picture();
    TilePixels.Pool pool = new TilePixels.Pool(1 << 20);
    TilePixels p = TilePixels.decode(file, 64, pool);
    assertNotNull(p);
    assertEquals(64, p.width(), "fits the tile's width");
    assertEquals(32, p.height(), "keeps its shape");
    assertTrue(p.pixels().isDirect(), "outside the heap");
    assertEquals(TilePixels.capacity(64), p.pixels().capacity());

    Image reference;
    try (var in = Files.newInputStream(file)) {
      reference = new Image(in, 64, 64, true, true);
    }
    WritableImage canvas = new WritableImage(64, 64);
    ImageView view = new ImageView();
    robot.interact(() -> p.drawInto(canvas, view));
    assertSame(canvas, view.getImage());
    assertEquals(64, view.getViewport().getWidth());
    assertEquals(32, view.getViewport().getHeight());
    PixelReader drawn = canvas.getPixelReader();
    PixelReader expected = reference.getPixelReader();
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 64; x++) {
        assertEquals(expected.getArgb(x, y), drawn.getArgb(x, y), "pixel " + x + "," + y);
      }
    }
    assertTrue((drawn.getArgb(15, 15) & 0xff) < 40, "the black square is there");
  }

  @Test
  void anUnreadableFileIsNoPicture() throws Exception {
    Path junk = tmp.resolve("junk.png");
    Files.writeString(junk, "not a png");
    assertNull(TilePixels.decode(junk, 64, new TilePixels.Pool(1 << 20)));
    assertNull(TilePixels.decode(tmp.resolve("missing.png"), 64, new TilePixels.Pool(1 << 20)));
  }

  @Test
  void aBufferHandedBackServesTheNextPictureOfItsSizeWithinTheIdleBudget() {
    int big = TilePixels.capacity(64);
    TilePixels.Pool pool = new TilePixels.Pool(2L * big);
    ByteBuffer a = pool.take(big);
    ByteBuffer b = pool.take(big);
    ByteBuffer c = pool.take(big);
    pool.give(a);
    pool.give(b);
    pool.give(c); // over the budget: left to the collector
    assertEquals(2L * big, pool.idleBytes());
    ByteBuffer again = pool.take(big);
    assertTrue(again == a || again == b, "an idle buffer is reused");
    assertEquals(big, pool.idleBytes());
    // Another tile size (the slider moved): when the idle budget is full, the old size's
    // buffers make room for the new size's.
    int small = TilePixels.capacity(32);
    ByteBuffer s1 = pool.take(small);
    assertNotSame(again, s1);
    assertEquals(small, s1.capacity());
    pool.give(s1);
    assertSame(s1, pool.take(small), "the small size's idle buffer is reused");
    pool.give(s1);
    for (int i = 0; i < 4; i++) {
      pool.give(ByteBuffer.allocateDirect(small));
    }
    assertTrue(pool.idleBytes() <= 2L * big, pool.idleBytes() + " idle bytes");
    ByteBuffer fresh = pool.take(big);
    assertTrue(fresh != a && fresh != b, "the old size's idle buffer made room");
  }
}

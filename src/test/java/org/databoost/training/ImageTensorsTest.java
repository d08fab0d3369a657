package org.databoost.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.databoost.dataset.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTensorsTest {
  private static final float B = 103.939f;
  private static final float G = 116.779f;
  private static final float R = 123.68f;

  @TempDir Path dir;

  private Path write(BufferedImage image) throws IOException {
    Path file = dir.resolve("image-" + System.nanoTime() + ".png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** The value at one pixel of channel {@code c} (0 = B, 1 = G, 2 = R). */
  private static float at(float[] t, int c, int y, int x) {
    return t[c * 1024 + y * 32 + x];
  }

  @Test
  void eightBitGreyIsReplicatedWithoutGammaChange() throws IOException {
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setSample(0, 0, 0, 0); // a dark corner does not reach the centre
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 40; x++) {
        img.getRaster().setSample(x, y, 0, 100);
      }
    }
    float[] t = ImageTensors.read(write(img));
    assertEquals(ImageTensors.LENGTH, t.length);
    assertEquals(100 - B, at(t, 0, 16, 16), 1e-4);
    assertEquals(100 - G, at(t, 1, 16, 16), 1e-4);
    assertEquals(100 - R, at(t, 2, 16, 16), 1e-4);
  }

  @Test
  void colourChannelsAreSwappedToBgrAndAlphaIsDropped() throws IOException {
    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        img.setRGB(x, y, 0x10_C8_64_32); // nearly transparent, R=200 G=100 B=50
      }
    }
    float[] t = ImageTensors.read(write(img));
    assertEquals(50 - B, at(t, 0, 5, 5), 1e-4);
    assertEquals(100 - G, at(t, 1, 5, 5), 1e-4);
    assertEquals(200 - R, at(t, 2, 5, 5), 1e-4);
  }

  @Test
  void sixteenBitGreyKeepsTheHighByte() throws IOException {
    BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        img.getRaster().setSample(x, y, 0, 0xC8FF);
      }
    }
    float[] t = ImageTensors.read(write(img));
    assertEquals(0xC8 - B, at(t, 0, 3, 3), 1e-4);
  }

  @Test
  void paletteColoursAreLookedUp() throws IOException {
    byte[] r = {0, (byte) 250};
    byte[] g = {0, 20};
    byte[] b = {0, 7};
    BufferedImage img =
        new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(1, 2, r, g, b));
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        img.getRaster().setSample(x, y, 0, 1);
      }
    }
    float[] t = ImageTensors.read(write(img));
    assertEquals(7 - B, at(t, 0, 0, 0), 1e-4);
    assertEquals(250 - R, at(t, 2, 31, 31), 1e-4);
  }

  @Test
  void aCompetitionImageMatchesThePyTorchReference() throws IOException {
    Path folder = SharedData.ROMAN_NUMERALS.resolve("train").resolve("i");
    assumeTrue(Files.isDirectory(folder), "competition data not present");
    Path first;
    try (Stream<Path> files = Files.list(folder)) {
      first = files.sorted().findFirst().orElseThrow();
    }
    assumeTrue(first.getFileName().toString().startsWith("ab9fb784"), "data has changed");
    try (InputStream in = Files.newInputStream(first)) {
      assertEquals(232, ImageIO.read(in).getWidth());
    }
    // Values printed by the reference's load_image (PIL + F.interpolate + caffe means).
    float[] t = ImageTensors.read(first);
    assertEquals(151.061f, at(t, 0, 16, 0), 1e-3);
    assertEquals(131.32f, at(t, 2, 10, 10), 1e-3);
    assertEquals(-88.939f, at(t, 0, 7, 15), 1e-3);
    assertEquals(-39.939f, at(t, 0, 7, 16), 1e-3);
    assertEquals(-103.939f, at(t, 0, 8, 13), 1e-3);
    double sum = 0;
    double squares = 0;
    for (float v : t) {
      sum += v;
      squares += (double) v * v;
    }
    assertEquals(135.16029, sum / t.length, 1e-4);
    assertEquals(59587944.0, squares, 59587944.0 * 1e-6);
  }
}

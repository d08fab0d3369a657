package org.databoost.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageConverterTest {
  @TempDir Path dir;

  @Test
  void keepsStoredGrayValuesOfEightBitGrayPngs() throws Exception {
    BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    gray.getRaster().setSample(0, 0, 0, 128);
    gray.getRaster().setSample(1, 0, 0, 30);
    BufferedImage decoded = roundTrip(gray);

    BufferedImage out = ImageConverter.toGray(decoded);
    BufferedImage rgb = ImageConverter.toRgb(decoded);

    assertEquals(BufferedImage.TYPE_BYTE_GRAY, out.getType());
    assertEquals(128, out.getRaster().getSample(0, 0, 0), "no linear-to-sRGB lightening");
    assertEquals(30, out.getRaster().getSample(1, 0, 0));
    assertEquals(BufferedImage.TYPE_INT_RGB, rgb.getType());
    assertEquals(0x808080, rgb.getRGB(0, 0) & 0xffffff);
  }

  @Test
  void scalesSixteenBitGrayToEightBits() throws Exception {
    BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
    gray.getRaster().setSample(0, 0, 0, 65535);
    gray.getRaster().setSample(1, 0, 0, 257 * 100);

    BufferedImage out = ImageConverter.toGray(roundTrip(gray));

    assertEquals(255, out.getRaster().getSample(0, 0, 0));
    assertEquals(100, out.getRaster().getSample(1, 0, 0));
  }

  @Test
  void compositesTransparentGrayOntoWhite() throws Exception {
    ColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_GRAY),
            true,
            false,
            Transparency.TRANSLUCENT,
            DataBuffer.TYPE_BYTE);
    WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
    raster.setPixel(0, 0, new int[] {0, 0}); // black ink, fully transparent
    raster.setPixel(1, 0, new int[] {0, 255}); // black ink, opaque
    BufferedImage grayAlpha = new BufferedImage(cm, raster, false, null);

    BufferedImage out = ImageConverter.toGray(roundTrip(grayAlpha));

    assertEquals(255, out.getRaster().getSample(0, 0, 0));
    assertEquals(0, out.getRaster().getSample(1, 0, 0));
  }

  @Test
  void convertsPaletteAndColourImagesThroughTheirColours() throws Exception {
    byte[] r = {(byte) 255, 0};
    byte[] g = {0, 0};
    byte[] b = {0, (byte) 255};
    IndexColorModel palette = new IndexColorModel(1, 2, r, g, b);
    BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
    indexed.getRaster().setSample(0, 0, 0, 0);
    indexed.getRaster().setSample(1, 0, 0, 1);

    BufferedImage decoded = roundTrip(indexed);
    BufferedImage gray = ImageConverter.toGray(decoded);
    BufferedImage rgb = ImageConverter.toRgb(decoded);

    assertEquals(0xff0000, rgb.getRGB(0, 0) & 0xffffff);
    assertEquals(0x0000ff, rgb.getRGB(1, 0) & 0xffffff);
    assertEquals(ImageConverter.luma(255, 0, 0), gray.getRaster().getSample(0, 0, 0));
    assertEquals(ImageConverter.luma(0, 0, 255), gray.getRaster().getSample(1, 0, 0));
  }

  /** Writes a PNG and decodes it, so the test sees the types the PNG reader really produces. */
  private BufferedImage roundTrip(BufferedImage image) throws Exception {
    Path file = TestImages.write(image, "png", dir.resolve("t" + System.nanoTime() + ".png"));
    return ImageDecoder.decode(file, 64);
  }
}

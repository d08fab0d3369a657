package org.databoost.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageDecoderTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"png, PNG", "jpeg, JPEG", "bmp, BMP", "gif, GIF"})
  void probesAndDecodesEveryFormat(String writerFormat, ImageFormat expected) throws Exception {
    BufferedImage source = TestImages.stroke(40, 30, BufferedImage.TYPE_INT_RGB);
    Path file = TestImages.write(source, writerFormat, dir.resolve("image." + writerFormat));

    ImageInfo info = ImageDecoder.probe(file);
    BufferedImage decoded = ImageDecoder.decode(file, 256);

    assertEquals(new ImageInfo(expected, 40, 30), info);
    assertEquals(40, decoded.getWidth());
    assertEquals(30, decoded.getHeight());
  }

  @Test
  void detectsTheFormatFromTheContentNotTheExtension() throws Exception {
    BufferedImage source = TestImages.stroke(12, 10, BufferedImage.TYPE_BYTE_GRAY);
    Path file = TestImages.write(source, "png", dir.resolve("really-a-png.jpg"));

    assertEquals(ImageFormat.PNG, ImageDecoder.probe(file).format());
    assertEquals(12, ImageDecoder.decode(file, 64).getWidth());
  }

  @Test
  void subsamplesLargeImagesSoNoSideExceedsTheLimit() throws Exception {
    BufferedImage source = TestImages.stroke(1000, 500, BufferedImage.TYPE_BYTE_GRAY);
    Path file = TestImages.write(source, "png", dir.resolve("wide.png"));

    DecodedImage decoded = ImageDecoder.read(file, 256, ImageDecoder.NO_PIXEL_LIMIT);

    assertEquals(new ImageInfo(ImageFormat.PNG, 1000, 500), decoded.info());
    assertEquals(250, decoded.image().getWidth()); // every 4th pixel
    assertEquals(125, decoded.image().getHeight());
  }

  @Test
  void decodesOnlyTheFirstFrameOfAnAnimatedGif() throws Exception {
    BufferedImage white = TestImages.stroke(8, 8, BufferedImage.TYPE_BYTE_INDEXED);
    BufferedImage black = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED);
    Path file = dir.resolve("animated.gif");
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
    ImageWriter writer = writers.next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      writer.writeToSequence(new IIOImage(white, null, null), null);
      writer.writeToSequence(new IIOImage(black, null, null), null);
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }

    BufferedImage decoded = ImageConverter.toGray(ImageDecoder.decode(file, 64));

    assertEquals(255, decoded.getRaster().getSample(7, 0, 0), "the first frame is white there");
  }

  @Test
  void decodesADecompressionBombSubsampledWithinSeconds() throws Exception {
    // 30000 x 30000 RGB would need 2.7 GB as one array, more than the JVM can even allocate.
    Path bomb = PngBomb.write(dir.resolve("bomb.png"), 30000);
    long start = System.nanoTime();

    ImageInfo info = ImageDecoder.probe(bomb);
    BufferedImage decoded = ImageDecoder.decode(bomb, 256);

    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "bomb: %d bytes on disk, decoded to %dx%d in %d ms%n",
        bomb.toFile().length(), decoded.getWidth(), decoded.getHeight(), millis);
    assertEquals(new ImageInfo(ImageFormat.PNG, 30000, 30000), info);
    assertTrue(decoded.getWidth() <= 256 && decoded.getHeight() <= 256);
    assertEquals(0, decoded.getRGB(100, 100) & 0xffffff);
  }

  @Test
  void refusesImagesOverThePixelLimitBeforeDecoding() throws Exception {
    Path bomb = PngBomb.write(dir.resolve("bomb.png"), 30000);

    ImageReadException e =
        assertThrows(ImageReadException.class, () -> ImageDecoder.read(bomb, 256, 100_000_000));

    assertEquals(ImageReadException.Reason.TOO_LARGE, e.reason());
    assertEquals(
        "too large: 30000 x 30000 pixels (the limit is 100 megapixels); not decoded",
        e.getMessage());
  }
}

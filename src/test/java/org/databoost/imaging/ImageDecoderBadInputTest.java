package org.databoost.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.databoost.imaging.ImageReadException.Reason;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageDecoderBadInputTest {
  @TempDir Path dir;

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("empty.png", new byte[0], Reason.EMPTY, "empty file (0 bytes)"),
        Arguments.of("notes.png", text("not a picture"), Reason.NOT_AN_IMAGE, NOT_AN_IMAGE),
        Arguments.of(
            "two-bytes.jpg",
            new byte[] {(byte) 0xff, (byte) 0xd8},
            Reason.NOT_AN_IMAGE,
            NOT_AN_IMAGE),
        Arguments.of(
            "signature-only.png", Arrays.copyOf(encoded("png"), 8), Reason.TRUNCATED, TRUNCATED),
        Arguments.of("half.png", half(encoded("png")), Reason.TRUNCATED, TRUNCATED),
        Arguments.of("half.jpg", half(encoded("jpeg")), Reason.TRUNCATED, TRUNCATED),
        Arguments.of("half.gif", half(encoded("gif")), Reason.TRUNCATED, TRUNCATED),
        Arguments.of("half.bmp", half(encoded("bmp")), Reason.TRUNCATED, TRUNCATED),
        Arguments.of(
            "garbled.png", garbledPngData(), Reason.CORRUPT, "corrupt: invalid block type"));
  }

  private static final String NOT_AN_IMAGE = "not an image (no PNG/JPEG/BMP/GIF signature)";
  private static final String TRUNCATED = "truncated: unexpected end of data";

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void refusesBadFilesWithAReadableReason(
      String name, byte[] content, Reason reason, String message) throws IOException {
    Path file = Files.write(dir.resolve(name), content);

    ImageReadException e =
        assertThrows(ImageReadException.class, () -> ImageDecoder.decode(file, 256));

    assertEquals(message, e.getMessage());
    assertEquals(reason, e.reason());
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] half(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length / 2);
  }

  /** A noisy 64x64 RGB image in the given format: noise keeps the data from compressing away. */
  static byte[] encoded(String format) {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(42);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PNG whose compressed pixel data is overwritten with bytes that are not valid deflate. */
  private static byte[] garbledPngData() {
    byte[] png = encoded("png");
    int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
    // Keep the zlib header (2 bytes) so the failure is in the data, not the header.
    for (int i = idat + 6; i < idat + 64; i++) {
      png[i] = (byte) 0xff;
    }
    return png;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }
}

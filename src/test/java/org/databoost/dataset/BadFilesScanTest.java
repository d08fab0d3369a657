package org.databoost.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.databoost.task.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad file is listed with its path and reason and left out; the good files still load. */
class BadFilesScanTest {
  @TempDir Path dir;

  static Stream<Arguments> badFiles() {
    byte[] png = noisy("png");
    byte[] jpeg = noisy("jpeg");
    byte[] garbled = png.clone();
    Arrays.fill(garbled, 41, 90, (byte) 0xff); // over the start of the compressed pixel data
    return Stream.of(
        Arguments.of("zero.png", new byte[0], ProblemKind.EMPTY_FILE, "empty file (0 bytes)"),
        Arguments.of(
            "notes.txt",
            "labels are folders".getBytes(StandardCharsets.UTF_8),
            ProblemKind.NOT_AN_IMAGE,
            "not an image (no PNG/JPEG/BMP/GIF signature)"),
        Arguments.of(
            "renamed.png",
            "%PDF-1.4 not a picture".getBytes(StandardCharsets.US_ASCII),
            ProblemKind.NOT_AN_IMAGE,
            "not an image (no PNG/JPEG/BMP/GIF signature)"),
        Arguments.of(
            "cut.png",
            Arrays.copyOf(png, png.length / 2),
            ProblemKind.TRUNCATED,
            "truncated: unexpected end of data"),
        Arguments.of(
            "cut.jpg",
            Arrays.copyOf(jpeg, jpeg.length / 2),
            ProblemKind.TRUNCATED,
            "truncated: unexpected end of data"),
        Arguments.of(
            "garbled.png", garbled, ProblemKind.CORRUPT, "corrupt: incorrect header check"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void listsTheBadFileWithItsReasonAndLoadsTheRest(
      String name, byte[] content, ProblemKind kind, String message) throws IOException {
    DatasetFixture data = new DatasetFixture(dir.resolve("ds")).trainAndVal();
    data.file("train/a/" + name, content);

    DatasetScan scan = new DatasetScanner().scan(data.root(), Progress.NONE);

    assertEquals(
        List.of(new Problem(Problem.Severity.ERROR, kind, Path.of("train", "a", name), message)),
        scan.problems());
    assertTrue(scan.isUsable());
    assertEquals(8, scan.count(Split.TRAIN));
  }

  private static byte[] noisy(String format) {
    BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_GRAY);
    Random random = new Random(7);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 48; x++) {
        image.getRaster().setSample(x, y, 0, random.nextInt(256));
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
}

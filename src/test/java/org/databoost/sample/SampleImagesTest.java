package org.databoost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixels: grayscale PNGs of the requested sizes, with numerals and a measurable shift. */
class SampleImagesTest {
  private static final SampleSpec SPEC = SampleSpec.defaults().withPerLabel(20, 20, 2);

  @TempDir static Path tmp;
  private static Path root;
  private static SampleTruth truth;

  @BeforeAll
  static void generate() throws IOException {
    root = tmp.resolve("sample");
    truth = new SampleDatasetGenerator().generate(root, SPEC, Progress.NONE);
  }

  @Test
  void everyImageIsAnEightBitGrayscalePngWithinTheSizeRange() throws IOException {
    for (SampleTruth.Entry e : truth.entries()) {
      BufferedImage img = ImageIO.read(root.resolve(e.path()).toFile());
      assertNotNull(img, e.path());
      assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType(), e.path());
      assertTrue(inRange(img.getWidth()) && inRange(img.getHeight()), e.path());
    }
  }

  @Test
  void numeralsAreDarkStrokesOnLightPaper() throws IOException {
    for (SampleTruth.Entry e : truth.entries()) {
      if (e.kind() == SampleKind.JUNK) {
        continue;
      }
      BufferedImage img = ImageIO.read(root.resolve(e.path()).toFile());
      double ink = inkFraction(img);
      assertTrue(ink > 0.003 && ink < 0.4, e.path() + " ink " + ink);
      assertTrue(median(img) > 200, e.path() + " has light paper");
    }
  }

  @Test
  void oneHasClearlyLessInkThanEight() throws IOException {
    double i = meanInk(e -> e.trueLabel().equals("i"));
    double viii = meanInk(e -> e.trueLabel().equals("viii"));
    assertTrue(i * 2 < viii, "i " + i + " vs viii " + viii);
  }

  @Test
  void validationIsDrawnWithHeavierStrokesThanTrain() throws IOException {
    double train = meanInk(e -> e.path().startsWith("train/") && e.kind() != SampleKind.JUNK);
    double val = meanInk(e -> e.path().startsWith("val/"));
    assertTrue(val > 1.4 * train, "train " + train + " vs val " + val);
  }

  @Test
  void withoutShiftValidationLooksLikeTrain(@TempDir Path dir) throws IOException {
    Path other = dir.resolve("noshift");
    SampleTruth same =
        new SampleDatasetGenerator()
            .generate(other, SPEC.withPerLabel(10, 10, 0).withShiftStrength(0), Progress.NONE);
    double train =
        meanInk(other, same, e -> e.path().startsWith("train/") && e.kind() != SampleKind.JUNK);
    double val = meanInk(other, same, e -> e.path().startsWith("val/"));
    assertEquals(1.0, val / train, 0.25, "train " + train + " vs val " + val);
  }

  private static boolean inRange(int side) {
    return side >= SPEC.minSize() && side <= SPEC.maxSize();
  }

  private static double meanInk(Predicate<SampleTruth.Entry> which) throws IOException {
    return meanInk(root, truth, which);
  }

  private static double meanInk(Path dir, SampleTruth key, Predicate<SampleTruth.Entry> which)
      throws IOException {
    List<Double> inks = new ArrayList<>();
    for (SampleTruth.Entry e : key.entries()) {
      if (which.test(e)) {
        inks.add(inkFraction(ImageIO.read(dir.resolve(e.path()).toFile())));
      }
    }
    assertTrue(inks.size() >= 10, "enough images to average: " + inks.size());
    return inks.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /** Share of pixels darker than mid-gray. */
  private static double inkFraction(BufferedImage img) {
    Raster r = img.getRaster();
    int[] px = r.getSamples(0, 0, r.getWidth(), r.getHeight(), 0, (int[]) null);
    long dark = 0;
    for (int v : px) {
      if (v < 128) {
        dark++;
      }
    }
    return (double) dark / px.length;
  }

  private static int median(BufferedImage img) {
    Raster r = img.getRaster();
    int[] px = r.getSamples(0, 0, r.getWidth(), r.getHeight(), 0, (int[]) null);
    Arrays.sort(px);
    return px[px.length / 2];
  }
}

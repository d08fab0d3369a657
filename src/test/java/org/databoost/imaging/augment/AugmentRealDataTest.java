package org.databoost.imaging.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.databoost.dataset.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Augmentations of real training images from ../shared/datasets/roman-numerals. */
class AugmentRealDataTest {
  private static final Path TRAIN = SharedData.ROMAN_NUMERALS.resolve("train");

  private static List<Path> images;
  private final Augmenter augmenter = new Augmenter(AugmentOptions.defaults());

  @BeforeAll
  static void findImages() throws IOException {
    images = new ArrayList<>();
    if (!Files.isDirectory(TRAIN)) {
      return;
    }
    try (Stream<Path> labels = Files.list(TRAIN)) {
      for (Path label : labels.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(label)) {
          files.filter(f -> f.toString().endsWith(".png")).sorted().limit(2).forEach(images::add);
        }
      }
    }
  }

  private static InkImage read(Path file, int maxSide) throws IOException {
    return InkImage.of(ImageIO.read(file.toFile()), maxSide);
  }

  @Test
  void realNumeralsKeepTheirInkWithinASaneFactor() throws IOException {
    assumeTrue(!images.isEmpty(), "the roman-numerals dataset is not at " + TRAIN);
    List<Double> ratios = new ArrayList<>();
    for (Path file : images) {
      InkImage source = read(file, 64);
      for (long seed = 0; seed < 40; seed++) {
        Augmentation a = augmenter.sample(seed * 7919 + file.hashCode());
        double ratio = augmenter.apply(source, a).totalInk() / source.totalInk();
        assertTrue(ratio > 0.25 && ratio < 4, file + " " + a.describe() + ": ink x" + ratio);
        ratios.add(ratio);
      }
    }
    double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = sorted[sorted.length / 2];
    System.out.printf(
        "ink ratio: min %.2f, 5%% %.2f, median %.2f, 95%% %.2f, max %.2f%n",
        sorted[0],
        sorted[sorted.length / 20],
        median,
        sorted[sorted.length * 19 / 20],
        sorted[sorted.length - 1]);
    assertEquals(1, median, 0.2, "median ink ratio");
    assertTrue(sorted[sorted.length / 20] > 0.5, "5th percentile");
    assertTrue(sorted[sorted.length * 19 / 20] < 2, "95th percentile");
  }

  @Test
  void aRealNumeralRendersAlikeAt64And256Pixels() throws IOException {
    assumeTrue(!images.isEmpty(), "the roman-numerals dataset is not at " + TRAIN);
    InkImage big = read(images.get(images.size() / 2), 256);
    InkImage small = big.scaledTo(64);
    for (long seed = 0; seed < 20; seed++) {
      InkImage at64 = augmenter.apply(small, seed);
      InkImage at256 = augmenter.apply(big, seed).scaledTo(64);
      double d = Glyphs.meanAbsDiff(at64, at256);
      assertTrue(d < 0.04, "seed " + seed + ": mean |difference| " + d);
    }
  }

  @Test
  void realNumeralsRenderTheSameInParallel() throws IOException {
    assumeTrue(!images.isEmpty(), "the roman-numerals dataset is not at " + TRAIN);
    InkImage source = read(images.get(0), 64);
    byte[][] sequential = new byte[64][];
    for (int s = 0; s < 64; s++) {
      sequential[s] = augmenter.apply(source, s).toPng();
    }
    byte[][] parallel =
        IntStream.range(0, 64)
            .parallel()
            .mapToObj(s -> augmenter.apply(source, s).toPng())
            .toArray(byte[][]::new);
    for (int s = 0; s < 64; s++) {
      assertTrue(Arrays.equals(sequential[s], parallel[s]), "seed " + s);
    }
  }
}

package org.databoost.embedding.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.databoost.embedding.GlyphInput;
import org.databoost.imaging.ImageDecoder;
import org.databoost.imaging.ImageReadException;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleLabels;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;

/**
 * Synthetic handwritten Roman numerals drawn by the project's own {@link SampleDatasetGenerator}:
 * clean labels, no junk, train split only, one folder per seed under a scratch folder (kept, and
 * reused by a later run with the same settings: the generator is deterministic).
 */
final class NumeralGlyphs {
  private NumeralGlyphs() {}

  /** A labelled model input. */
  record Glyph(int label, float[] input) {}

  /**
   * {@code perLabel} images of each numeral for each of {@code seeds}; labels are {@code firstLabel
   * + index in SampleLabels.ALL}.
   */
  static List<Glyph> draw(Path scratch, List<Long> seeds, int perLabel, int firstLabel)
      throws IOException {
    List<Glyph> all = new ArrayList<>();
    for (long seed : seeds) {
      Path dir = scratch.resolve("numerals-" + perLabel + "-seed-" + seed);
      if (!Files.isDirectory(dir.resolve("train"))) {
        SampleSpec spec = new SampleSpec(seed, perLabel, 0, 0, 96, 200, 0.0, 0, 0.0);
        new SampleDatasetGenerator().generate(dir, spec, Progress.NONE);
      }
      read(dir.resolve("train"), firstLabel, all);
    }
    return all;
  }

  /**
   * {@code perLabel} images of each numeral for each of {@code seeds}, drawn as the generator draws
   * a validation split at this {@code shift} (bolder, more slanted and larger writing).
   */
  static List<Glyph> drawShifted(
      Path scratch, List<Long> seeds, int perLabel, double shift, int firstLabel)
      throws IOException {
    List<Glyph> all = new ArrayList<>();
    for (long seed : seeds) {
      Path dir = scratch.resolve("shifted-" + perLabel + "-" + shift + "-seed-" + seed);
      if (!Files.isDirectory(dir.resolve("val"))) {
        SampleSpec spec = new SampleSpec(seed, 0, perLabel, 0, 96, 200, 0.0, 0, shift);
        new SampleDatasetGenerator().generate(dir, spec, Progress.NONE);
      }
      read(dir.resolve("val"), firstLabel, all);
    }
    return all;
  }

  private static void read(Path split, int firstLabel, List<Glyph> all) throws IOException {
    for (int l = 0; l < SampleLabels.ALL.size(); l++) {
      Path folder = split.resolve(SampleLabels.ALL.get(l));
      List<Path> files;
      try (Stream<Path> s = Files.list(folder)) {
        files = s.sorted().toList();
      }
      int label = firstLabel + l;
      files.parallelStream().map(f -> new Glyph(label, input(f))).forEachOrdered(all::add);
    }
  }

  private static float[] input(Path file) {
    try {
      return GlyphInput.of(ImageDecoder.decode(file, 1024));
    } catch (ImageReadException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }
}

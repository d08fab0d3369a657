package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.SharedData;
import org.databoost.dataset.Split;
import org.databoost.embedding.bench.EmbedBenchmark;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;

/** On the real handwritten numerals (if present): the shipped model must beat raw pixels. */
class RealDataEmbeddingTest {
  static final Path DATA = SharedData.ROMAN_NUMERALS;

  @Test
  void theGlyphEmbedderBeatsRawPixelsOnKnnAccuracy() {
    assumeTrue(Files.isDirectory(DATA.resolve("train")), "no " + DATA);
    DatasetScan scan = new DatasetScanner().scan(DATA, Progress.NONE);
    List<ImageEntry> index = perLabel(scan.images(Split.TRAIN), 20);
    List<ImageEntry> queries = perLabel(scan.images(Split.VAL), 10);
    EmbedBenchmark.Result raw;
    EmbedBenchmark.Result glyph;
    try (Embedder e = new RawPixelEmbedder()) {
      raw = EmbedBenchmark.measure(e, scan.root(), index, queries, Progress.NONE);
    }
    try (Embedder e = GlyphEmbedder.load()) {
      glyph = EmbedBenchmark.measure(e, scan.root(), index, queries, Progress.NONE);
    }
    System.out.println("k-NN accuracy on a subset: " + raw + " vs " + glyph);
    assertTrue(
        glyph.accuracy() > raw.accuracy() + 0.15,
        "glyph " + glyph.accuracy() + " vs raw pixels " + raw.accuracy());
  }

  /** The first {@code n} images of each label, in scan order. */
  static List<ImageEntry> perLabel(List<ImageEntry> images, int n) {
    Map<String, Integer> taken = new HashMap<>();
    List<ImageEntry> out = new ArrayList<>();
    for (ImageEntry e : images) {
      if (taken.merge(e.label(), 1, Integer::sum) <= n) {
        out.add(e);
      }
    }
    return out;
  }
}

package org.databoost.boost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.imaging.augment.AugmentOptions;
import org.databoost.imaging.augment.Augmenter;
import org.databoost.imaging.augment.InkImage;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidate pool is a pure function of sources, seed and embedder. */
class PoolGeneratorTest {
  @TempDir static Path tmp;
  private static Path data;
  private static List<ImageEntry> sources;

  @BeforeAll
  static void sample() throws Exception {
    data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(4, 1, 0), Progress.NONE);
    sources = new DatasetScanner().scan(data, Progress.NONE).images(Split.TRAIN);
  }

  private static final Augmenter AUGMENTER = new Augmenter(AugmentOptions.defaults());

  @Test
  void thePoolDoesNotDependOnTheThreadCountAndEveryCandidateRegeneratesOnDemand() {
    try (GlyphEmbedder glyph = GlyphEmbedder.load()) {
      CandidatePool one =
          new PoolGenerator(AUGMENTER, 1).generate(data, sources, 700, 11, glyph, Progress.NONE);
      CandidatePool two =
          new PoolGenerator(AUGMENTER, 2).generate(data, sources, 700, 11, glyph, Progress.NONE);
      assertEquals(700, one.size());
      for (int i = 0; i < 700; i++) {
        assertArrayEquals(one.vectors().row(i), two.vectors().row(i), "candidate " + i);
      }
      // Candidate 523 by hand: its source at pool size, its augmentation, the embedder.
      int c = 523;
      InkImage source =
          InkImage.of(PoolGenerator.decode(data, one.source(c)), CandidatePool.POOL_SIDE);
      InkImage candidate = AUGMENTER.apply(source, one.augmentation(AUGMENTER, c));
      float[] byHand = glyph.embedPrepared(new float[][] {glyph.prepareInk(candidate)})[0];
      assertArrayEquals(byHand, one.vectors().row(c), 1e-5f);
      assertEquals(sources.get(c % sources.size()), one.source(c));

      CandidatePool other =
          new PoolGenerator(AUGMENTER, 2).generate(data, sources, 50, 12, glyph, Progress.NONE);
      int differ = 0;
      for (int i = 0; i < 50; i++) {
        differ += Arrays.equals(other.vectors().row(i), one.vectors().row(i)) ? 0 : 1;
      }
      assertEquals(50, differ, "another seed gives other candidates");
    }
  }

  @Test
  void cancellingStopsBetweenBatches() {
    Progress cancelled =
        new Progress() {
          @Override
          public void update(String stage, long done, long total) {}

          @Override
          public boolean isCancelled() {
            return true;
          }
        };
    try (GlyphEmbedder glyph = GlyphEmbedder.load()) {
      assertThrows(
          CancelledException.class,
          () ->
              new PoolGenerator(AUGMENTER, 2)
                  .generate(data, sources, 100_000, 1, glyph, cancelled));
    }
  }
}

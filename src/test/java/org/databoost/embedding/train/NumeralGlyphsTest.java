package org.databoost.embedding.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.databoost.embedding.GlyphInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training numerals of the glyph embedder, as drawn for a train and a shifted val split. */
class NumeralGlyphsTest {
  @TempDir Path scratch;

  @Test
  void shiftedNumeralsAreDrawnAsAValidationSplitOncePerSeedAndReused() throws Exception {
    List<NumeralGlyphs.Glyph> first =
        NumeralGlyphs.drawShifted(scratch, List.of(2000L), 2, 1.5, 10);
    assertEquals(20, first.size());
    for (int l = 0; l < 10; l++) {
      int label = 10 + l;
      assertEquals(2, first.stream().filter(g -> g.label() == label).count(), "label " + label);
    }
    for (NumeralGlyphs.Glyph g : first) {
      assertEquals(GlyphInput.LENGTH, g.input().length);
      float max = 0;
      for (float x : g.input()) {
        max = Math.max(max, x);
      }
      assertEquals(1f, max, 1e-6, "every plane holds ink, scaled to 1");
    }
    assertTrue(Files.isDirectory(scratch.resolve("shifted-2-1.5-seed-2000").resolve("val")));
    List<NumeralGlyphs.Glyph> again =
        NumeralGlyphs.drawShifted(scratch, List.of(2000L), 2, 1.5, 10);
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i).label(), again.get(i).label());
      assertArrayEquals(first.get(i).input(), again.get(i).input());
    }
  }

  @Test
  void theShiftDrawsOtherNumeralsThanTheTrainSplit() throws Exception {
    List<NumeralGlyphs.Glyph> train = NumeralGlyphs.draw(scratch, List.of(2000L), 2, 10);
    List<NumeralGlyphs.Glyph> shifted =
        NumeralGlyphs.drawShifted(scratch, List.of(2000L), 2, 1.5, 10);
    assertEquals(train.size(), shifted.size());
    int differ = 0;
    for (int i = 0; i < train.size(); i++) {
      differ += java.util.Arrays.equals(train.get(i).input(), shifted.get(i).input()) ? 0 : 1;
    }
    assertEquals(train.size(), differ);
  }
}

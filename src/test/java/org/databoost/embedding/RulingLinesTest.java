package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Ruling lines are taken out of an ink plane and a numeral's own strokes are not: drawn planes of
 * the kinds the competition data shows (an "I" on squared paper, solid and dotted grid lines, a
 * tightly cropped "v" whose arm runs from edge to edge, a bold stem through the whole picture).
 */
class RulingLinesTest {
  private static final int W = 240;
  private static final int H = 260;

  /** A serif "I" drawn with a pen 9 px wide, inside the picture (not touching its edges). */
  private static float[] serifI() {
    float[] ink = new float[W * H];
    box(ink, 70, 60, 170, 69); // top bar
    box(ink, 115, 60, 124, 200); // stem
    box(ink, 60, 192, 180, 201); // bottom bar
    return ink;
  }

  private static void box(float[] ink, int x0, int y0, int x1, int y1) {
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        ink[y * W + x] = 1;
      }
    }
  }

  /** A vertical grid line 4 px wide at x, slightly slanted, dotted when {@code gap} > 0. */
  private static void verticalLine(float[] ink, int x, int gap) {
    for (int y = 0; y < H; y++) {
      if (gap > 0 && (y / 6) % gap == gap - 1) {
        continue;
      }
      int cx = x + y / 80; // 3 px sideways over the height
      for (int d = 0; d < 4; d++) {
        ink[y * W + cx + d] = 0.9f;
      }
    }
  }

  private static void horizontalLine(float[] ink, int y, int gap) {
    for (int x = 0; x < W; x++) {
      if (gap > 0 && (x / 5) % gap == gap - 1) {
        continue;
      }
      for (int d = 0; d < 4; d++) {
        ink[(y + d) * W + x] = 0.9f;
      }
    }
  }

  private static int inkPixels(float[] ink) {
    int n = 0;
    for (float v : ink) {
      n += v > RulingLines.INK ? 1 : 0;
    }
    return n;
  }

  @Test
  void theGridOfSquaredPaperIsTakenOutAndTheNumeralKept() {
    float[] glyph = serifI();
    float[] ruled = glyph.clone();
    verticalLine(ruled, 20, 0); // solid
    verticalLine(ruled, 200, 4); // dotted
    horizontalLine(ruled, 130, 3); // dash-dot, crossing the stem
    float[] clean = RulingLines.remove(ruled, W, H);
    int kept = 0;
    for (int i = 0; i < glyph.length; i++) {
      if (glyph[i] > 0) {
        kept += clean[i] > 0 ? 1 : 0;
      }
    }
    int strokes = inkPixels(glyph);
    assertTrue(kept > 0.97 * strokes, kept + " of the numeral's " + strokes + " pixels kept");
    int left = inkPixels(clean) - kept;
    assertTrue(left < 0.02 * strokes, left + " pixels of the grid left");
    // The plane the glyph embedder sees is then (nearly) the one of the numeral alone.
    float[] plane = GlyphInput.ofInk(ruled, W, H);
    float[] alone = GlyphInput.ofInk(glyph, W, H);
    assertTrue(Planes.cosine(plane, alone) > 0.97, "cosine " + Planes.cosine(plane, alone));
  }

  @Test
  void aPlaneWithoutLinesIsReturnedAsItWas() {
    float[] glyph = serifI();
    assertSame(glyph, RulingLines.remove(glyph, W, H));
    float[] blank = new float[W * H];
    assertSame(blank, RulingLines.remove(blank, W, H));
    float[] tiny = new float[10 * 10];
    assertSame(tiny, RulingLines.remove(tiny, 10, 10));
  }

  @Test
  void oneStraightStrokeFromEdgeToEdgeIsTheNumeralsOwn() {
    // A tightly cropped "v": the left arm slanted, the right arm a thin straight stroke from the
    // top edge to the bottom edge, as thin as a grid line. Alone, it is not taken for a line.
    float[] v = new float[W * H];
    for (int y = 0; y < H; y++) {
      int x = 20 + y * 180 / H;
      for (int d = 0; d < 12; d++) {
        v[y * W + x + d] = 1;
      }
      for (int d = 0; d < 4; d++) {
        v[y * W + 205 + d] = 1;
      }
    }
    assertSame(v, RulingLines.remove(v, W, H));
  }

  @Test
  void aStemAsThickAsThePenStaysEvenWhereItSpansThePicture() {
    // A tightly cropped bold "I" whose stem runs through the whole height, between two grid lines:
    // the grid goes, the stem (as wide as the pen) stays.
    float[] ink = new float[W * H];
    box(ink, 70, 0, 170, 9);
    box(ink, 115, 0, 124, H - 1);
    box(ink, 70, H - 10, 170, H - 1);
    float[] stem = ink.clone();
    verticalLine(ink, 20, 0);
    verticalLine(ink, 200, 0);
    float[] clean = RulingLines.remove(ink, W, H);
    for (int y = 0; y < H; y++) {
      for (int x = 115; x <= 124; x++) {
        assertEquals(1f, clean[y * W + x], "stem pixel " + x + "," + y);
      }
    }
    assertEquals(inkPixels(stem), inkPixels(clean), "only the grid lines went");
  }

  @Test
  void theSameInputGivesTheSamePlane() {
    float[] ruled = serifI();
    verticalLine(ruled, 20, 0);
    verticalLine(ruled, 200, 4);
    assertArrayEquals(RulingLines.remove(ruled, W, H), RulingLines.remove(ruled.clone(), W, H));
  }
}

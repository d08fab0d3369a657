package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A numeral drawn with a thick pen is thinned to the pens the glyph network learnt from, and one
 * drawn with an ordinary pen keeps its plane bit for bit: a "ii" drawn as two bars of a given width
 * in a 200 x 200 picture.
 */
class BoldStrokesTest {
  private static final int S = 200;

  /** Two vertical bars ("ii") of the given pen width, 170 px tall. */
  private static float[] ii(int pen) {
    float[] ink = new float[S * S];
    for (int bar : new int[] {60, 130}) {
      for (int y = 15; y < 185; y++) {
        for (int x = bar - pen / 2; x < bar - pen / 2 + pen; x++) {
          ink[y * S + x] = 1;
        }
      }
    }
    return ink;
  }

  private static int pen(float[] ink) {
    boolean[] on = new boolean[ink.length];
    for (int i = 0; i < ink.length; i++) {
      on[i] = ink[i] > GlyphInput.INK_THRESHOLD;
    }
    return RulingLines.penWidth(on, S, S, null);
  }

  @Test
  void anOrdinaryPenKeepsItsPlane() {
    float[] thin = ii(12); // 12 * 26 / 170 = 1.8 px in the plane: the training data's median
    assertSame(thin, BoldStrokes.thin(thin, S, S));
    float[] blank = new float[S * S];
    assertSame(blank, BoldStrokes.thin(blank, S, S));
  }

  @Test
  void aBoldPenIsThinnedToAboutThreePixelsOfThePlane() {
    float[] bold = ii(40); // 40 * 26 / 170 = 6.1 px in the plane
    float[] thinned = BoldStrokes.thin(bold, S, S);
    double width = pen(thinned) * (double) GlyphInput.GLYPH / 170;
    assertEquals(BoldStrokes.TARGET_WIDTH, width, 0.5, "plane pen width after thinning");
    // The bars stay where they were, as two bars.
    assertTrue(thinned[100 * S + 60] > 0 && thinned[100 * S + 130] > 0);
    assertEquals(0f, thinned[100 * S + 95], "the gap between the bars stays paper");
    // The plane the embedder sees is closer to an ordinary pen's than version 1's crop was.
    float[] ordinary = GlyphInput.ofInk(ii(20), S, S);
    double version1 = Planes.cosine(GlyphInput.cropped(bold, S, S), ordinary);
    double version2 = Planes.cosine(GlyphInput.ofInk(bold, S, S), ordinary);
    assertTrue(version2 > version1 + 0.02, version2 + " against " + version1);
  }

  @Test
  void aBlotThatErosionWouldEmptyIsKept() {
    // A small bold dot: its pen is as wide as the drawing, and thinning it would leave nothing.
    float[] dot = new float[S * S];
    for (int y = 98; y < 102; y++) {
      for (int x = 98; x < 102; x++) {
        dot[y * S + x] = 1;
      }
    }
    assertSame(dot, BoldStrokes.thin(dot, S, S));
  }
}

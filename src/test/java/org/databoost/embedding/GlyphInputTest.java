package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlyphInputTest {

  @Test
  void whereAndHowLargeAGlyphIsDrawnDoesNotMatter() {
    float[] small = GlyphInput.of(RawPixelEmbedderTest.bar(100, 100, 10, 20));
    float[] large = GlyphInput.of(RawPixelEmbedderTest.bar(300, 300, 200, 230));
    assertEquals(GlyphInput.LENGTH, small.length);
    float cosine = Vectors.dot(Vectors.normalise(small.clone()), Vectors.normalise(large.clone()));
    assertTrue(cosine > 0.97, "cosine " + cosine);
  }

  @Test
  void inkIsScaledToAMaximumOfOneAndPaperIsZero() {
    float[] plane = GlyphInput.of(RawPixelEmbedderTest.bar(64, 64, 20, 30));
    float max = 0;
    for (float v : plane) {
      max = Math.max(max, v);
    }
    assertEquals(1f, max, 1e-6);
    assertEquals(0f, plane[0], 1e-6);
  }

  @Test
  void aBlankImageGivesAnEmptyPlane() {
    float[] plane = GlyphInput.of(RawPixelEmbedderTest.bar(40, 40, 0, 0));
    for (float v : plane) {
      assertEquals(0f, v, 1e-6);
    }
  }
}

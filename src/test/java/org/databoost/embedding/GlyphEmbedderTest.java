package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.databoost.dataset.DatasetScan;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlyphEmbedderTest {
  @TempDir static Path data;
  static DatasetScan scan;
  static GlyphEmbedder embedder;

  @BeforeAll
  static void setUp() throws IOException {
    scan = GlyphSamples.numerals(data.resolve("numerals"), 5, 8);
    embedder = GlyphEmbedder.load(); // from the class path
  }

  @AfterAll
  static void tearDown() {
    embedder.close();
  }

  @Test
  void theShippedModelEmbedsDeterministicallyToUnitVectors() {
    List<Path> files = GlyphSamples.files(scan).subList(0, 6);
    float[][] once = embedder.embed(files, Progress.NONE);
    float[][] again = embedder.embed(files, Progress.NONE);
    assertEquals("glyph-v3", embedder.name());
    for (int i = 0; i < files.size(); i++) {
      assertEquals(128, once[i].length);
      assertEquals(1.0, Vectors.dot(once[i], once[i]), 1e-5);
      assertArrayEquals(once[i], again[i], 0f);
    }
  }

  @Test
  void theShippedHeadKnowsTheGeneratorsJunkFromItsNumerals() throws Exception {
    // Drawings of another seed than the network was trained on (5000) or the junk judge draws.
    List<java.awt.image.BufferedImage> junk = org.databoost.sample.SyntheticJunk.draw(20, 77);
    float[][] junkPlanes = new float[junk.size()][];
    for (int i = 0; i < junkPlanes.length; i++) {
      junkPlanes[i] = GlyphInput.of(junk.get(i));
    }
    List<Path> files = GlyphSamples.files(scan);
    float[][] numeralPlanes = new float[files.size()][];
    for (int i = 0; i < numeralPlanes.length; i++) {
      numeralPlanes[i] =
          GlyphInput.of(org.databoost.imaging.ImageDecoder.decode(files.get(i), 1024));
    }
    double[] onJunk = embedder.junkProbabilities(junkPlanes);
    double[] onNumerals = embedder.junkProbabilities(numeralPlanes);
    int junkSeen = 0;
    for (double p : onJunk) {
      junkSeen += p >= 0.5 ? 1 : 0;
    }
    int numeralsAsJunk = 0;
    for (double p : onNumerals) {
      assertTrue(p >= 0 && p <= 1, "a probability: " + p);
      numeralsAsJunk += p >= 0.5 ? 1 : 0;
    }
    assertTrue(junkSeen >= 16, junkSeen + " of 20 junk drawings seen as junk");
    assertTrue(numeralsAsJunk <= 1, numeralsAsJunk + " of " + files.size() + " numerals as junk");
  }

  @Test
  void aHeadWrittenAndReadBackIsTheSame() throws Exception {
    GlyphHead head =
        new GlyphHead(new float[][] {{1f, -2f, 0.5f}, {0f, 3f, -1f}}, new float[] {0.25f, -0.5f});
    GlyphHead back = GlyphHead.read(new java.io.ByteArrayInputStream(head.bytes()));
    assertArrayEquals(head.weights()[0], back.weights()[0], 0f);
    assertArrayEquals(head.weights()[1], back.weights()[1], 0f);
    assertArrayEquals(head.biases(), back.biases(), 0f);
    // logits: 1 - 4 + 0.5 + 0.25 = -2.25 and 0 + 6 - 1 - 0.5 = 4.5 for features (1, 2, 1)
    double expected = Math.exp(4.5) / (Math.exp(4.5) + Math.exp(-2.25));
    assertEquals(expected, back.lastClassProbability(new float[] {1f, 2f, 1f}), 1e-9);
    assertThrows(
        IOException.class,
        () ->
            GlyphHead.read(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
  }

  @Test
  void twoRenderingsOfTheSameNumeralAreCloserThanDifferentNumerals() {
    float[][] v = embedder.embed(GlyphSamples.files(scan), Progress.NONE);
    List<String> labels = GlyphSamples.labels(scan);
    double same = 0;
    double different = 0;
    int nSame = 0;
    int nDifferent = 0;
    for (int i = 0; i < v.length; i++) {
      for (int j = i + 1; j < v.length; j++) {
        double s = Vectors.dot(v[i], v[j]);
        if (labels.get(i).equals(labels.get(j))) {
          same += s;
          nSame++;
        } else {
          different += s;
          nDifferent++;
        }
      }
    }
    same /= nSame;
    different /= nDifferent;
    assertTrue(same > different + 0.2, "same " + same + ", different " + different);
  }

  @Test
  void cancelStopsBetweenBatches() {
    List<Path> files = GlyphSamples.files(scan); // 80 images: two batches of 64
    RecordingProgress progress = new RecordingProgress(64);
    assertThrows(CancelledException.class, () -> embedder.embed(files, progress));
    assertEquals(List.of(0L, 64L), progress.done);
  }
}

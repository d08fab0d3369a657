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

package org.databoost.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleKind;
import org.databoost.sample.SampleSpec;
import org.databoost.sample.SampleTruth;
import org.databoost.sample.SyntheticJunk;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The junk judge on real glyph embeddings: junk it never saw among clean numerals ranks above them,
 * and at the threshold (chosen for precision) few numerals are called junk.
 */
class JunkJudgeTest {
  @TempDir Path tmp;

  @Test
  void unseenSyntheticJunkAmongNumeralsIsJunkAndTheNumeralsAreNot() throws Exception {
    SampleTruth truth =
        new SampleDatasetGenerator()
            .generate(
                tmp, SampleSpec.defaults().withPerLabel(20, 0, 0).withJunkCount(0), Progress.NONE);
    List<String> labels = List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");
    List<Path> files = new ArrayList<>();
    List<Integer> given = new ArrayList<>();
    for (SampleTruth.Entry e : truth.entries()) {
      if (e.kind() == SampleKind.CLEAN && e.path().startsWith("train/")) {
        files.add(tmp.resolve(e.path()));
        given.add(labels.indexOf(e.givenLabel()));
      }
    }
    float[][] numerals;
    float[][] unseen;
    float[][] known;
    try (GlyphEmbedder glyph = GlyphEmbedder.load()) {
      numerals = glyph.embed(files, Progress.NONE);
      unseen = glyph.embedImages(SyntheticJunk.draw(20, 7), Progress.NONE);
      known = JunkJudge.syntheticVectors(glyph, Progress.NONE);
    }
    // The unseen junk sits in the dataset under numeral labels, as real junk does.
    int n = numerals.length;
    float[][] vectors = new float[n + unseen.length][];
    int[] lab = new int[vectors.length];
    for (int i = 0; i < n; i++) {
      vectors[i] = numerals[i];
      lab[i] = given.get(i);
    }
    for (int j = 0; j < unseen.length; j++) {
      vectors[n + j] = unseen[j];
      lab[n + j] = j % labels.size();
    }
    double[] p = JunkJudge.probability(vectors, lab, labels.size(), known, 3);
    int junkFound = 0;
    long ranked = 0; // pairs (junk, numeral) that the junk probability orders right
    for (int j = 0; j < unseen.length; j++) {
      junkFound += p[n + j] >= JunkJudge.THRESHOLD ? 1 : 0;
      for (int i = 0; i < n; i++) {
        ranked += p[n + j] > p[i] ? 1 : 0;
      }
    }
    double auc = (double) ranked / ((long) unseen.length * n);
    int numeralsAsJunk = 0;
    for (int i = 0; i < n; i++) {
      numeralsAsJunk += p[i] >= JunkJudge.THRESHOLD ? 1 : 0;
    }
    assertTrue(auc >= 0.9, "junk above numerals in " + auc + " of the pairs");
    assertTrue(junkFound >= 3, junkFound + " of 20 unseen junk drawings found");
    assertTrue(numeralsAsJunk <= n / 50, numeralsAsJunk + " of " + n + " numerals called junk");
  }
}

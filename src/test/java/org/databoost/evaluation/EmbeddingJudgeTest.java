package org.databoost.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.databoost.analysis.ImageVerdict;
import org.databoost.analysis.LabelIssueFinder;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;

class EmbeddingJudgeTest {
  @Test
  void confidentLearningOnTheJudgesRowsFindsFlippedLabels() {
    int n = 600;
    int classes = 4;
    Random r = new Random(5);
    float[][] x = new float[n][16];
    int[] truth = new int[n];
    for (int i = 0; i < n; i++) {
      truth[i] = i % classes;
      for (int d = 0; d < 16; d++) {
        x[i][d] = (float) (0.3 * r.nextGaussian());
      }
      x[i][truth[i]] += 1f;
    }
    int[] given = truth.clone();
    Set<Integer> flipped = new HashSet<>();
    while (flipped.size() < 60) {
      int i = r.nextInt(n);
      if (flipped.add(i)) {
        given[i] = (truth[i] + 1 + r.nextInt(classes - 1)) % classes;
      }
    }
    float[][] p = EmbeddingJudge.probabilities(x, given, classes, 11, Progress.NONE);
    int flagged = 0;
    int hits = 0;
    for (ImageVerdict v : new LabelIssueFinder().find(p, given).labelErrors()) {
      flagged++;
      if (flipped.contains(v.index())) {
        hits++;
        assertEquals(truth[v.index()], v.suggestedLabel(), "suggests the true class");
      }
    }
    assertTrue(hits >= 54, "recall: " + hits + " of 60");
    assertTrue(hits >= 0.9 * flagged, "precision: " + hits + " of " + flagged);
  }
}

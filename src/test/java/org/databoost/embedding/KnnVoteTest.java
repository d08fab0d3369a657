package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.databoost.embedding.bench.KnnVote;
import org.junit.jupiter.api.Test;

class KnnVoteTest {
  @Test
  void theMajorityOfTheNearestWinsAndTiesGoToTheCloserLabel() {
    float[][] index = {
      Vectors.normalise(new float[] {1, 0}),
      Vectors.normalise(new float[] {1, 0.1f}),
      Vectors.normalise(new float[] {0, 1}),
      Vectors.normalise(new float[] {0.1f, 1}),
      Vectors.normalise(new float[] {0.2f, 1}),
    };
    String[] labels = {"a", "a", "b", "b", "b"};
    assertEquals(
        "a", new KnnVote(index, labels, 2).predict(Vectors.normalise(new float[] {1, 0.05f})));
    assertEquals(
        "b", new KnnVote(index, labels, 5).predict(Vectors.normalise(new float[] {1, 0.05f})));
    // k = 4: two votes each; "a" is more similar
    assertEquals(
        "a", new KnnVote(index, labels, 4).predict(Vectors.normalise(new float[] {1, 0.3f})));
    assertEquals(
        1.0,
        new KnnVote(index, labels, 1)
            .accuracy(new float[][] {index[0], index[2]}, new String[] {"a", "b"}));
  }
}

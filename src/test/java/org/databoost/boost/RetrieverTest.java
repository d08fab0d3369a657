package org.databoost.boost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;

/** Retrieval rules on hand-made 2-D vectors. */
class RetrieverTest {
  private static final ImageEntry SOURCE =
      new ImageEntry(Path.of("train/i/a.png"), Split.TRAIN, "i", "h", 1, 1, 1, 1, null);

  private static float[] at(double degrees) {
    double r = Math.toRadians(degrees);
    return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
  }

  /** A pool of unit vectors at the given angles. */
  private static CandidatePool pool(double... degrees) {
    float[][] rows = new float[degrees.length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = at(degrees[i]);
    }
    return new CandidatePool(
        List.of(SOURCE), 1, Vectors.of(rows), "test", new CandidatePool.PoolTimings(0, 0, 0, 0, 1));
  }

  private static Retriever.ErrorQuery error(String path, double loss, double degrees) {
    return new Retriever.ErrorQuery(path, 0, 1, loss, at(degrees));
  }

  private static final Vectors NO_TRAIN = Vectors.of(new float[][] {at(180)});

  @Test
  void eachErrorGetsItsKNearestHighestLossFirst() {
    CandidatePool pool = pool(0, 1, 2, 3, 90, 91, 92, 93);
    List<Retriever.ErrorQuery> errors = List.of(error("low", 1.0, 0), error("high", 2.0, 90));
    Retriever.Result r =
        new Retriever(2, 0.99999f, 1)
            .retrieve(pool, errors, NO_TRAIN, new BitSet(), 100, Progress.NONE);
    assertEquals(List.of(4, 5, 0, 1), ids(r), "the higher-loss error is served first");
    assertEquals("high", r.picks().get(0).error().path());
    assertEquals(2, r.errorsServed());
  }

  @Test
  void theLimitFavoursTheHighestLoss() {
    CandidatePool pool = pool(0, 1, 2, 3, 90, 91, 92, 93);
    List<Retriever.ErrorQuery> errors = List.of(error("low", 1.0, 0), error("high", 2.0, 90));
    Retriever.Result r =
        new Retriever(3, 0.99999f, 1)
            .retrieve(pool, errors, NO_TRAIN, new BitSet(), 4, Progress.NONE);
    assertEquals(List.of(4, 5, 6, 0), ids(r));
  }

  @Test
  void duplicatesOfTrainingImagesOfEachOtherAndUsedCandidatesAreSkipped() {
    // 10 and 10.1 degrees are duplicates of each other; 20 duplicates a training image; 5 is used.
    CandidatePool pool = pool(5, 10, 10.1, 20, 30, 40);
    BitSet used = new BitSet();
    used.set(0);
    Vectors train = Vectors.of(new float[][] {at(20.05)});
    Retriever.Result r =
        new Retriever(3, 0.9999f, 1)
            .retrieve(pool, List.of(error("e", 1, 10)), train, used, 100, Progress.NONE);
    assertEquals(List.of(1, 4, 5), ids(r));
    assertTrue(ids(r).contains(1) ^ ids(r).contains(2), "one of two duplicates: " + ids(r));
    assertFalse(ids(r).contains(3), "near a training image");
    assertFalse(ids(r).contains(0), "used before");
    assertEquals(1, r.droppedNearTrain());
    assertEquals(1, r.droppedNearChosen());
    assertEquals(1, r.droppedUsed());
  }

  @Test
  void aCandidateServesOnlyTheFirstErrorThatRetrievedIt() {
    CandidatePool pool = pool(0, 1, 50);
    List<Retriever.ErrorQuery> errors = List.of(error("a", 2, 0), error("b", 1, 0.5));
    Retriever.Result r =
        new Retriever(2, 0.99999f, 1)
            .retrieve(pool, errors, NO_TRAIN, new BitSet(), 100, Progress.NONE);
    assertEquals(List.of(0, 1, 2), ids(r));
    assertEquals(Set.of(0, 1, 2), new HashSet<>(ids(r)));
  }

  @Test
  void randomDrawsAreDistinctSeededAndSkipUsed() {
    CandidatePool pool = pool(new double[50]);
    BitSet used = new BitSet();
    used.set(0, 10);
    List<Integer> a = Retriever.random(pool, 20, used, 3);
    assertEquals(a, Retriever.random(pool, 20, used, 3));
    assertFalse(a.equals(Retriever.random(pool, 20, used, 4)));
    assertEquals(20, new HashSet<>(a).size());
    assertTrue(a.stream().allMatch(i -> i >= 10));
    assertEquals(40, Retriever.random(pool, 100, used, 3).size(), "capped at the unused");
  }

  private static List<Integer> ids(Retriever.Result r) {
    List<Integer> out = new ArrayList<>();
    r.picks().forEach(p -> out.add(p.candidate()));
    return out;
  }
}

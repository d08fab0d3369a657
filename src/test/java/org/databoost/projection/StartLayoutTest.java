package org.databoost.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;

/** A map recomputed from its previous layout keeps that layout's shape. */
class StartLayoutTest {
  private static final UmapOptions FAST = UmapOptions.defaults().withEpochs(100).withThreads(1);

  private static double correlation(float[] a, float[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= a.length;
    mb /= b.length;
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (a[i] - ma) * (b[i] - mb);
      aa += (a[i] - ma) * (a[i] - ma);
      bb += (b[i] - mb) * (b[i] - mb);
    }
    return ab / Math.sqrt(aa * bb);
  }

  @Test
  void aRecomputeStartedFromAMirroredLayoutStaysMirroredWhereAFreshOneDoesNot() {
    float[] x = Blobs.make(4, 60, 12, 0.3, 5);
    int n = 240;
    Projection fresh = new UmapProjector(FAST).project(x, n, 12, Progress.NONE);
    float[] mirrored = new float[2 * n];
    float[] minusX = new float[n];
    for (int i = 0; i < n; i++) {
      mirrored[2 * i] = -fresh.x()[i];
      mirrored[2 * i + 1] = fresh.y()[i];
      minusX[i] = -fresh.x()[i];
    }
    Projection again = new UmapProjector(FAST).project(x, n, 12, Progress.NONE);
    assertTrue(correlation(again.x(), fresh.x()) > 0.99, "fresh starts are reproducible");
    Projection kept = new UmapProjector(FAST).project(x, n, 12, mirrored, Progress.NONE);
    assertTrue(
        correlation(kept.x(), minusX) > 0.9,
        "started from the mirrored map: " + correlation(kept.x(), minusX));
    assertTrue(correlation(kept.y(), fresh.y()) > 0.9);
  }

  @Test
  void newPointsStartAmongTheirNeighboursAndTooFewKnownStartsAfresh() {
    // Three points in a chain: 0 - 1 - 2; 0 and 2 known, 1 new.
    FuzzyGraph g =
        new FuzzyGraph(3, new int[] {0, 1, 1, 2}, new int[] {1, 0, 2, 1}, new float[] {1, 1, 1, 1});
    float[] start = {0, 0, Float.NaN, Float.NaN, 10, 4};
    assertNull(StartLayout.of(start, g, 1), "only two of three known, fewer than 3 in all");
    FuzzyGraph g4 =
        new FuzzyGraph(
            4, new int[] {0, 1, 1, 2, 3}, new int[] {1, 0, 2, 1, 0}, new float[] {1, 1, 1, 1, 1});
    float[] emb = StartLayout.of(new float[] {0, 0, Float.NaN, Float.NaN, 10, 4, 0, 4}, g4, 1);
    assertEquals(0, emb[0], 1e-6);
    assertEquals(10, emb[4], 1e-6, "scaled into the 10 x 10 box");
    assertEquals(5, emb[2], 0.05, "the new point between its neighbours");
    assertEquals(2, emb[3], 0.05);
    float[] few = new float[8];
    Arrays.fill(few, Float.NaN);
    few[0] = 1;
    few[1] = 1;
    assertNull(StartLayout.of(few, g4, 1));
  }
}

package org.databoost.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LassoTest {
  /** A U: two uprights joined at the bottom, open at the top between x 40 and 60. */
  private static final Lasso U =
      new Lasso(
          new double[] {10, 40, 40, 60, 60, 90, 90, 10},
          new double[] {10, 10, 70, 70, 10, 10, 90, 90});

  @Test
  void aConcaveLassoLeavesOutItsNotch() {
    assertTrue(U.contains(20, 50), "left upright");
    assertTrue(U.contains(80, 50), "right upright");
    assertTrue(U.contains(50, 80), "the bottom joining them");
    assertFalse(U.contains(50, 40), "the notch: inside the bounding box, outside the U");
    assertFalse(U.contains(5, 50));
    assertFalse(U.contains(95, 95));
  }

  /**
   * Below and above the size where the test is split across cores (not a whole word's multiple).
   */
  @ParameterizedTest
  @ValueSource(ints = {20_000, Lasso.PARALLEL_FROM * 2 + 37})
  void wholePixelSelectionAgreesWithTheRuleForEveryPoint(int n) {
    SplittableRandom r = new SplittableRandom(3);
    int[] sx = new int[n];
    int[] sy = new int[n];
    for (int i = 0; i < n; i++) {
      sx[i] = r.nextInt(-5, 106);
      sy[i] = r.nextInt(-5, 106);
    }
    // Vertices on whole pixels too, so rows pass exactly through them and horizontal edges.
    sx[0] = 40;
    sy[0] = 70;
    sx[1] = 10;
    sy[1] = 10;
    for (Lasso lasso : new Lasso[] {U, star(), bowTie()}) {
      BitSet got = lasso.select(sx, sy);
      for (int i = 0; i < n; i++) {
        assertEquals(lasso.contains(sx[i], sy[i]), got.get(i), "point " + sx[i] + "," + sy[i]);
      }
    }
  }

  @Test
  void aSelfCrossingLassoSelectsWhatItEnclosesAnOddNumberOfTimes() {
    Lasso tie = bowTie();
    assertTrue(tie.contains(20, 50));
    assertTrue(tie.contains(80, 50));
    assertFalse(tie.contains(50, 20), "between the two loops");
  }

  @Test
  void aLassoNeedsThreeVertices() {
    assertThrows(
        IllegalArgumentException.class, () -> new Lasso(new double[] {1, 2}, new double[] {1, 2}));
  }

  /** A five-pointed star drawn without lifting the pen: its centre is enclosed twice. */
  private static Lasso star() {
    double[] x = new double[5];
    double[] y = new double[5];
    for (int k = 0; k < 5; k++) {
      double a = Math.PI / 2 + k * 4 * Math.PI / 5;
      x[k] = 50 + 45.3 * Math.cos(a);
      y[k] = 50 + 45.3 * Math.sin(a);
    }
    return new Lasso(x, y);
  }

  private static Lasso bowTie() {
    return new Lasso(new double[] {10, 90, 90, 10}, new double[] {10, 90, 10, 90});
  }
}

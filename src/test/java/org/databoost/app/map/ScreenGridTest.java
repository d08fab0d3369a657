package org.databoost.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScreenGridTest {
  @Test
  void findsTheSamePointAsLookingAtEveryPoint() {
    SplittableRandom r = new SplittableRandom(7);
    int n = 50_000;
    int[] sx = new int[n];
    int[] sy = new int[n];
    for (int i = 0; i < n; i++) {
      sx[i] = r.nextInt(-50, 850);
      sy[i] = r.nextInt(-50, 650);
    }
    ScreenGrid grid = ScreenGrid.build(sx, sy, 800, 600, 3);
    for (int q = 0; q < 2_000; q++) {
      double x = r.nextDouble(0, 800);
      double y = r.nextDouble(0, 600);
      double radius = q % 2 == 0 ? 6 : 20;
      assertEquals(bruteForce(sx, sy, 800, 600, x, y, radius), grid.nearest(sx, sy, x, y, radius));
    }
  }

  @Test
  void ignoresPointsOffTheScreen() {
    int[] sx = {-2, 805, 400};
    int[] sy = {300, 300, 300};
    ScreenGrid grid = ScreenGrid.build(sx, sy, 800, 600, 3);
    assertEquals(-1, grid.nearest(sx, sy, 1, 300, 6));
    assertEquals(2, grid.nearest(sx, sy, 403, 302, 6));
  }

  private static int bruteForce(
      int[] sx, int[] sy, int w, int h, double x, double y, double radius) {
    int best = -1;
    double bestD = radius * radius;
    for (int i = 0; i < sx.length; i++) {
      if (sx[i] < 0 || sy[i] < 0 || sx[i] >= w || sy[i] >= h) {
        continue;
      }
      double d = (sx[i] - x) * (sx[i] - x) + (sy[i] - y) * (sy[i] - y);
      if (d < bestD || (d == bestD && i > best)) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }
}

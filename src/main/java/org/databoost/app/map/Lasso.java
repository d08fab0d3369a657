package org.databoost.app.map;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * A free-hand polygon drawn on the canvas, closed from its last vertex back to its first, and the
 * points inside it by the even-odd rule (a concave or self-crossing lasso selects what a person
 * expects: what is enclosed an odd number of times).
 *
 * <p>Selecting is fast at 1M points: a bounding-box test rejects most points at once, and since
 * screen positions are whole pixels, the polygon's edge crossings are computed once per pixel row;
 * a point then only counts the crossings to its right on its own row.
 */
final class Lasso {
  /** Below this many points one thread is quicker than handing blocks out. */
  static final int PARALLEL_FROM = 100_000;

  private final double[] xs;
  private final double[] ys;
  private final double minX;
  private final double maxX;
  private final double minY;
  private final double maxY;

  /** A polygon with these vertices (at least three), in drawing order. */
  Lasso(double[] xs, double[] ys) {
    if (xs.length != ys.length || xs.length < 3) {
      throw new IllegalArgumentException("a lasso needs three or more vertices");
    }
    this.xs = xs.clone();
    this.ys = ys.clone();
    minX = Arrays.stream(xs).min().getAsDouble();
    maxX = Arrays.stream(xs).max().getAsDouble();
    minY = Arrays.stream(ys).min().getAsDouble();
    maxY = Arrays.stream(ys).max().getAsDouble();
  }

  int vertices() {
    return xs.length;
  }

  /**
   * The even-odd rule for one point: a ray to the right crosses the outline an odd number times.
   */
  boolean contains(double x, double y) {
    if (x < minX || x > maxX || y < minY || y > maxY) {
      return false;
    }
    boolean inside = false;
    for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
      if ((ys[i] > y) != (ys[j] > y)
          && x < xs[i] + (y - ys[i]) * (xs[j] - xs[i]) / (ys[j] - ys[i])) {
        inside = !inside;
      }
    }
    return inside;
  }

  /**
   * The indexes of the whole-pixel points inside; the same answer as {@link #contains} each. Large
   * maps are split into blocks of whole 64-bit words, tested on all cores.
   */
  BitSet select(int[] sx, int[] sy) {
    int firstRow = (int) Math.ceil(minY);
    int lastRow = (int) Math.floor(maxY);
    if (lastRow < firstRow) {
      return new BitSet();
    }
    Crossings rows = Crossings.of(this, firstRow, lastRow);
    long[] words = new long[(sx.length + 63) / 64];
    int blocks = sx.length < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors() * 4;
    int wordsPerBlock = (words.length + blocks - 1) / Math.max(1, blocks);
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b -> {
              int from = Math.min(sx.length, b * wordsPerBlock * 64);
              int to = Math.min(sx.length, (b + 1) * wordsPerBlock * 64);
              for (int i = from; i < to; i++) {
                int x = sx[i];
                int y = sy[i];
                if (x >= minX
                    && x <= maxX
                    && y >= firstRow
                    && y <= lastRow
                    && rows.oddToTheRight(y, x)) {
                  words[i >>> 6] |= 1L << i;
                }
              }
            });
    return BitSet.valueOf(words);
  }

  // The rows an edge crosses are those with min(y_i, y_j) <= y < max(y_i, y_j): exactly where
  // (ys[i] > y) != (ys[j] > y) holds in contains().
  private int firstRowOf(int i, int j, int atLeast) {
    return Math.max(atLeast, (int) Math.ceil(Math.min(ys[i], ys[j])));
  }

  private int lastRowOf(int i, int j, int atMost) {
    return Math.min(atMost, (int) Math.ceil(Math.max(ys[i], ys[j])) - 1);
  }

  /** The x of every edge crossing on each pixel row, sorted per row. */
  private record Crossings(int firstRow, int[] start, double[] x) {
    static Crossings of(Lasso l, int firstRow, int lastRow) {
      int rows = lastRow - firstRow + 1;
      int n = l.xs.length;
      int[] start = new int[rows + 1];
      for (int i = 0, j = n - 1; i < n; j = i++) {
        for (int y = l.firstRowOf(i, j, firstRow); y <= l.lastRowOf(i, j, lastRow); y++) {
          start[y - firstRow + 1]++;
        }
      }
      for (int r = 0; r < rows; r++) {
        start[r + 1] += start[r];
      }
      double[] x = new double[start[rows]];
      int[] fill = Arrays.copyOf(start, rows);
      for (int i = 0, j = n - 1; i < n; j = i++) {
        for (int y = l.firstRowOf(i, j, firstRow); y <= l.lastRowOf(i, j, lastRow); y++) {
          x[fill[y - firstRow]++] =
              l.xs[i] + (y - l.ys[i]) * (l.xs[j] - l.xs[i]) / (l.ys[j] - l.ys[i]);
        }
      }
      for (int r = 0; r < rows; r++) {
        Arrays.sort(x, start[r], start[r + 1]);
      }
      return new Crossings(firstRow, start, x);
    }

    boolean oddToTheRight(int y, int px) {
      int lo = start[y - firstRow];
      int hi = start[y - firstRow + 1];
      // The first crossing strictly right of px, by binary search over the sorted row.
      int a = lo;
      int b = hi;
      while (a < b) {
        int m = (a + b) >>> 1;
        if (x[m] > px) {
          b = m;
        } else {
          a = m + 1;
        }
      }
      return ((hi - a) & 1) == 1;
    }
  }
}

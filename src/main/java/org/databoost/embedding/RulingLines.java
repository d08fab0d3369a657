package org.databoost.embedding;

import java.util.ArrayList;
import java.util.List;

/**
 * Ruling lines of squared or lined paper taken out of an ink plane before the glyph is cropped.
 *
 * <p>On the competition data a numeral drawn on squared paper carries the paper's grid: straight
 * lines, solid or dotted, that run from one edge of the picture to the other, thinner than the pen.
 * The glyph crop took them for strokes ("i" between two grid lines reads as "iii"). A line is taken
 * out only when all of these hold, so a drawing without such lines keeps its plane bit for bit:
 *
 * <ul>
 *   <li>it is straight and nearly vertical or horizontal (at most {@value #MAX_SLOPE} pixels
 *       sideways per pixel along it), found through a column (or row) whose ink count is a local
 *       maximum of at least {@value #MIN_COVERAGE} of the side;
 *   <li>it has ink in at least {@value #MIN_COVERAGE} of the rows (columns) it crosses, dotted
 *       lines included, and ink within {@value #END_MARGIN} of the side from both edges: it spans
 *       the picture, which a numeral's stroke drawn inside it does not;
 *   <li>it is thin: its median width across is at most {@value #MAX_WIDTH_SHARE} of the pen's (the
 *       median length of the other ink's runs across), and at most 4% of the side;
 *   <li>the picture has at least {@value #MIN_LINES} such lines: ruled paper shows them in pairs or
 *       crossing, while one straight stroke from edge to edge may be a numeral's own.
 * </ul>
 *
 * Where a stroke crosses the line (the run across is wider than the line) its ink is kept. When
 * lines were taken out, ink specks left behind (pieces smaller than a pen's dot) are cleared too,
 * so the crop is not stretched by a dot of the grid. If that would leave less than a third of the
 * ink, the plane is kept as it was.
 */
public final class RulingLines {
  static final float INK = 0.25f;
  static final double MAX_SLOPE = 0.04;
  static final double MIN_COVERAGE = 0.55;
  static final double END_MARGIN = 0.08;
  static final double MAX_WIDTH_SHARE = 0.75;
  private static final int BAND = 2; // the line's centre may wander this far from the fitted line
  private static final int MAX_LINES = 6; // per direction
  static final int MIN_LINES = 2;

  private RulingLines() {}

  /**
   * The ink without its ruling lines; the same array when none was found.
   *
   * @param ink row-major, 0 = paper, 1 = full ink
   */
  public static float[] remove(float[] ink, int w, int h) {
    if (w < 16 || h < 16) {
      return ink;
    }
    boolean[] on = new boolean[w * h];
    // Ink per column and per row: in all, near the start and near the end of the line's length
    // (one pass in memory order; a line needs ink near both ends).
    Counts columns = new Counts(w, (int) Math.ceil(END_MARGIN * h));
    Counts rows = new Counts(h, (int) Math.ceil(END_MARGIN * w));
    int total = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (ink[i] > INK) {
          on[i] = true;
          total++;
          columns.add(x, y, h);
          rows.add(y, x, w);
        }
      }
    }
    if (total == 0) {
      return ink;
    }
    // Candidates first (straight, spanning, covered), then the pen's width from the rest of the
    // ink, then only the candidates thinner than the pen are taken out.
    List<Line> candidates = new ArrayList<>();
    candidates.addAll(candidates(on, w, h, false, columns));
    candidates.addAll(candidates(on, w, h, true, rows));
    if (candidates.isEmpty()) {
      return ink;
    }
    boolean[] lines = new boolean[w * h];
    for (Line l : candidates) {
      clear(on, w, h, l, lines);
    }
    int pen = penWidth(on, w, h, lines);
    List<Line> thin = new ArrayList<>();
    for (Line l : candidates) {
      int across = l.transposed() ? h : w;
      if (l.width() <= MAX_WIDTH_SHARE * pen && l.width() <= Math.max(3, 0.04 * across)) {
        thin.add(l);
      }
    }
    // Ruled paper shows its lines in pairs at least (parallel or crossing); one straight stroke
    // from edge to edge alone is as likely a numeral's (the long arm of a tightly cropped "v").
    if (thin.size() < MIN_LINES) {
      return ink;
    }
    boolean[] cut = new boolean[w * h];
    for (Line l : thin) {
      clear(on, w, h, l, cut);
    }
    float[] out = ink.clone();
    int removed = 0;
    for (int i = 0; i < out.length; i++) {
      if (cut[i]) {
        removed += on[i] ? 1 : 0;
        out[i] = 0;
      }
    }
    removed += clearSpecks(out, w, h, Math.max(4, pen * pen / 2));
    if (total - removed < total / 3) {
      return ink;
    }
    return out;
  }

  /** Ink per position across, in all and within {@code margin} of either end of the length. */
  private static final class Counts {
    final int[] all;
    final int[] nearStart;
    final int[] nearEnd;
    final int margin;

    Counts(int across, int margin) {
      all = new int[across];
      nearStart = new int[across];
      nearEnd = new int[across];
      this.margin = margin;
    }

    void add(int a, int t, int along) {
      all[a]++;
      if (t < margin) {
        nearStart[a]++;
      }
      if (t >= along - margin) {
        nearEnd[a]++;
      }
    }
  }

  /** A line found: where it starts and its slope (in the plane read transposed or not). */
  private record Line(boolean transposed, double start, double slope, int width) {
    int centre(int t) {
      return (int) Math.round(start + slope * t);
    }
  }

  /**
   * The straight lines of one direction that span the picture: vertical ones, or horizontal ones
   * when {@code transposed} (the plane read with x and y swapped).
   */
  private static List<Line> candidates(
      boolean[] on, int w, int h, boolean transposed, Counts counts) {
    int across = transposed ? h : w; // positions of a line
    int along = transposed ? w : h; // its length
    int[] count = counts.all;
    int[] nearStart = counts.nearStart;
    int[] nearEnd = counts.nearEnd;
    // A line through a (at mid-length) stays within this many positions of it.
    int reach = BAND + (int) Math.ceil(MAX_SLOPE * along / 2);
    List<Line> lines = new ArrayList<>();
    for (int a = 0; a < across && lines.size() < MAX_LINES; a++) {
      int smooth = window(count, a, 2);
      int left = window(count, a - 1, 2);
      int right = window(count, a + 1, 2);
      boolean peak = smooth >= left && smooth > right || smooth > left && smooth >= right;
      // Necessary for a line: enough ink near a, and some near both ends (cheap tests first).
      if (!peak
          || smooth < MIN_COVERAGE * along * 0.5
          || window(count, a, reach) < MIN_COVERAGE * along
          || window(nearStart, a, reach) == 0
          || window(nearEnd, a, reach) == 0) {
        continue;
      }
      Line best = bestLine(on, w, transposed, across, along, a);
      if (best == null) {
        continue;
      }
      lines.add(best);
      a += Math.min(best.width(), across) + BAND; // one line is found once
    }
    return lines;
  }

  /**
   * The straightest line through position {@code a} at mid-length with ink in enough of its length
   * and near both ends, or null.
   */
  private static Line bestLine(
      boolean[] on, int w, boolean transposed, int across, int along, int a) {
    int bestHits = -1;
    Line best = null;
    int steps = 10;
    for (int k = -steps; k <= steps; k++) {
      double slope = MAX_SLOPE * k / steps;
      double start = a - slope * along / 2.0;
      int hits = 0;
      int first = -1;
      int last = -1;
      int needed = (int) Math.ceil(MIN_COVERAGE * along);
      for (int t = 0; t < along && hits + (along - t) >= needed; t++) {
        int c = (int) Math.round(start + slope * t);
        if (hasInk(on, w, transposed, across, c, t)) {
          hits++;
          last = t;
          if (first < 0) {
            first = t;
          }
        }
      }
      if (hits >= MIN_COVERAGE * along
          && first <= END_MARGIN * along
          && last >= (1 - END_MARGIN) * along - 1
          && hits > bestHits) {
        bestHits = hits;
        best = new Line(transposed, start, slope, 0);
      }
    }
    if (best == null) {
      return null;
    }
    Line found = best;
    return new Line(
        transposed, found.start(), found.slope(), lineWidth(on, w, across, along, found));
  }

  /** The median length across of the runs of ink that the line passes through. */
  private static int lineWidth(boolean[] on, int w, int across, int along, Line line) {
    boolean transposed = line.transposed();
    int[] histogram = new int[across + 2];
    long runs = 0;
    for (int t = 0; t < along; t++) {
      int c = line.centre(t);
      for (int d = -BAND; d <= BAND; d++) {
        if (inside(c + d, across) && at(on, w, transposed, c + d, t)) {
          histogram[run(on, w, transposed, across, c + d, t)]++;
          runs++;
          break;
        }
      }
    }
    return runs == 0 ? Integer.MAX_VALUE : median(histogram, runs);
  }

  /** Marks the line's ink in {@code cut}, except where a wider stroke crosses it. */
  private static void clear(boolean[] on, int w, int h, Line line, boolean[] cut) {
    boolean transposed = line.transposed();
    int across = transposed ? h : w;
    int along = transposed ? w : h;
    int width = line.width();
    int reach = width / 2 + BAND + 1;
    for (int t = 0; t < along; t++) {
      int c = line.centre(t);
      for (int d = -reach; d <= reach; d++) {
        int p = c + d;
        if (!inside(p, across) || !at(on, w, transposed, p, t)) {
          continue;
        }
        if (run(on, w, transposed, across, p, t) <= width + 2) {
          cut[transposed ? p * w + t : t * w + p] = true;
        }
      }
    }
  }

  /** The length of the run of ink across (at fixed t) through position p. */
  private static int run(boolean[] on, int w, boolean transposed, int across, int p, int t) {
    int lo = p;
    while (lo > 0 && at(on, w, transposed, lo - 1, t)) {
      lo--;
    }
    int hi = p;
    while (hi < across - 1 && at(on, w, transposed, hi + 1, t)) {
      hi++;
    }
    return hi - lo + 1;
  }

  private static boolean hasInk(boolean[] on, int w, boolean transposed, int across, int c, int t) {
    for (int d = -BAND; d <= BAND; d++) {
      if (inside(c + d, across) && at(on, w, transposed, c + d, t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean at(boolean[] on, int w, boolean transposed, int a, int t) {
    return transposed ? on[a * w + t] : on[t * w + a];
  }

  private static boolean inside(int p, int n) {
    return p >= 0 && p < n;
  }

  private static int window(int[] count, int a, int r) {
    int s = 0;
    for (int i = a - r; i <= a + r; i++) {
      if (i >= 0 && i < count.length) {
        s += count[i];
      }
    }
    return s;
  }

  /**
   * The pen's width: the median length of the horizontal and vertical runs of ink, those in {@code
   * skip} left out (a run is counted where it starts).
   */
  static int penWidth(boolean[] on, int w, int h, boolean[] skip) {
    int[] histogram = new int[Math.max(w, h) + 2];
    long runs = 0;
    for (int y = 0; y < h; y++) {
      int len = 0;
      for (int x = 0; x <= w; x++) {
        boolean ink = x < w && on[y * w + x] && (skip == null || !skip[y * w + x]);
        if (ink) {
          len++;
        } else if (len > 0) {
          histogram[len]++;
          runs++;
          len = 0;
        }
      }
    }
    // The runs along the columns, read row by row (in memory order) with one length per column.
    int[] lengths = new int[w];
    for (int y = 0; y <= h; y++) {
      for (int x = 0; x < w; x++) {
        boolean ink = y < h && on[y * w + x] && (skip == null || !skip[y * w + x]);
        if (ink) {
          lengths[x]++;
        } else if (lengths[x] > 0) {
          histogram[lengths[x]]++;
          runs++;
          lengths[x] = 0;
        }
      }
    }
    return runs == 0 ? 1 : median(histogram, runs);
  }

  /** The median of the values counted in a histogram (the upper one of an even count). */
  static int median(int[] histogram, long n) {
    long seen = 0;
    for (int v = 0; v < histogram.length; v++) {
      seen += histogram[v];
      if (seen > n / 2) {
        return v;
      }
    }
    return histogram.length - 1;
  }

  /**
   * Clears 8-connected pieces of ink smaller than {@code minPixels}; returns the pixels cleared.
   */
  private static int clearSpecks(float[] ink, int w, int h, int minPixels) {
    boolean[] seen = new boolean[w * h];
    int[] stack = new int[w * h];
    int[] piece = new int[w * h];
    int cleared = 0;
    for (int start = 0; start < ink.length; start++) {
      if (seen[start] || ink[start] <= INK) {
        continue;
      }
      int top = 0;
      int n = 0;
      stack[top++] = start;
      seen[start] = true;
      while (top > 0) {
        int p = stack[--top];
        piece[n++] = p;
        int px = p % w;
        int py = p / w;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int x = px + dx;
            int y = py + dy;
            if (x >= 0 && x < w && y >= 0 && y < h) {
              int q = y * w + x;
              if (!seen[q] && ink[q] > INK) {
                seen[q] = true;
                stack[top++] = q;
              }
            }
          }
        }
      }
      if (n < minPixels) {
        for (int i = 0; i < n; i++) {
          ink[piece[i]] = 0;
        }
        cleared += n;
      }
    }
    return cleared;
  }
}

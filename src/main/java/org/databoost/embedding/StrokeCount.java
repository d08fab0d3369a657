package org.databoost.embedding;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * How many strokes a level line through the middle of a drawing crosses, at the image's own
 * resolution: an "ii" crosses two, a "vii" four (the two arms of its V and two strokes). The glyph
 * embedder sees a drawing at 26 pixels, where two bold strokes close together merge into one and a
 * bold "vii" reads as "viii"; counted at full size, they do not (docs/label-errors.md).
 *
 * <p>The count is the median over five level lines at 25% to 65% of the ink's height (between the
 * rows above which 10% and below which 10% of the ink lies, so that dust at an edge does not move
 * them; the lower third is left out, where the arms of a "v" meet); on each line a stroke is a run
 * of at least two pixels with ink above {@value #INK}, stricter than the glyph input's 0.25 so that
 * the soft edges of two strokes close together do not join them. Ruling lines are taken out first
 * ({@link RulingLines}). Threshold and lines were chosen on generated samples made for it (seeds
 * 99, 7, 123, 31, 57 and 88), never on the default sample or the images reported
 * (docs/label-errors.md).
 */
public final class StrokeCount {
  /** The count of an image without ink, or one not measured. */
  public static final int UNKNOWN = -1;

  static final float INK = 0.5f;
  private static final double[] LINES = {0.25, 0.35, 0.45, 0.55, 0.65};
  private static final double EDGE_SHARE = 0.1;

  private StrokeCount() {}

  /** The count of a decoded image of any type. */
  public static int of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    return across(RulingLines.remove(GlyphInput.ink(GlyphInput.graySamples(image)), w, h), w, h);
  }

  /**
   * The count for an ink image ({@code w x h}, row-major, 0 = paper, 1 = full ink).
   *
   * @return {@link #UNKNOWN} when there is no ink
   */
  static int across(float[] ink, int w, int h) {
    long[] perRow = new long[h];
    long total = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (ink[y * w + x] > INK) {
          perRow[y]++;
        }
      }
      total += perRow[y];
    }
    if (total == 0) {
      return UNKNOWN;
    }
    int top = rowAt(perRow, total, EDGE_SHARE);
    int bottom = rowAt(perRow, total, 1 - EDGE_SHARE);
    int[] counts = new int[LINES.length];
    for (int k = 0; k < LINES.length; k++) {
      counts[k] = runs(ink, w, (int) Math.round(top + LINES[k] * (bottom - top)));
    }
    Arrays.sort(counts);
    return counts[counts.length / 2];
  }

  /** The first row by which this share of the ink has been passed. */
  private static int rowAt(long[] perRow, long total, double share) {
    long seen = 0;
    for (int y = 0; y < perRow.length; y++) {
      seen += perRow[y];
      if (seen >= share * total) {
        return y;
      }
    }
    return perRow.length - 1;
  }

  /** Runs of ink at least two pixels long on row y. */
  private static int runs(float[] ink, int w, int y) {
    int count = 0;
    int length = 0;
    for (int x = 0; x < w; x++) {
      if (ink[y * w + x] > INK) {
        length++;
      } else {
        count += length >= 2 ? 1 : 0;
        length = 0;
      }
    }
    return count + (length >= 2 ? 1 : 0);
  }
}

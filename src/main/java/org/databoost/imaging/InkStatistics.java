package org.databoost.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import org.databoost.imaging.augment.InkImage;

/**
 * How much ink an image holds and where: the share of its pixels with ink (by the glyph embedder's
 * ink rule, {@link InkImage#ink}) and the bounding box of those pixels as shares of the image's
 * sides. A blank page and a lone speck are junk whatever the embeddings say; on the competition
 * data the thinnest real numeral (an "i") still inks 0.5% of its pixels and its box spans at least
 * 18% of a side (docs/label-errors.md).
 *
 * @param inkShare pixels with ink above {@value #INK} / all pixels
 * @param boxWidth width of the ink's bounding box / image width (0 without ink)
 * @param boxHeight height of the ink's bounding box / image height (0 without ink)
 * @param pieces separate pieces of ink (8-connected)
 * @param largestPiece the longer side of the largest piece's box, as a share of the image's side
 */
public record InkStatistics(
    double inkShare, double boxWidth, double boxHeight, int pieces, double largestPiece) {
  /** Ink level that counts as a drawn pixel (the glyph input's threshold). */
  static final float INK = 0.25f;

  /** Below this share of inked pixels a page counts as blank. */
  public static final double BLANK_SHARE = 0.001;

  /** An ink box smaller than this share of both sides is a speck. */
  public static final double SPECK_SIDE = 0.06;

  /**
   * A page of dust holds at least this many pieces of ink, none of them larger than {@value
   * #SPECK_SIDE} of a side. The generated sample's noisy pages hold 369 to 459 such pieces; no
   * numeral of the competition data or of the tuning samples has one piece under 17% of a side when
   * it has 30 pieces or more (docs/label-errors.md).
   */
  public static final int DUST_PIECES = 100;

  /** Statistics without the pieces (0 pieces, largest 0): for callers that know only the box. */
  public InkStatistics(double inkShare, double boxWidth, double boxHeight) {
    this(inkShare, boxWidth, boxHeight, 0, 0);
  }

  /** The statistics of a decoded image of any type. */
  public static InkStatistics of(BufferedImage image) {
    BufferedImage gray = ImageConverter.toGray(image);
    Raster r = gray.getRaster();
    int w = gray.getWidth();
    int h = gray.getHeight();
    float[] ink = InkImage.ink(r.getSamples(0, 0, w, h, 0, new int[w * h]));
    int inked = 0;
    int minX = w;
    int minY = h;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (ink[y * w + x] > INK) {
          inked++;
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (inked == 0) {
      return new InkStatistics(0, 0, 0);
    }
    int[] pieces = new int[1];
    double largest = largestPiece(ink, w, h, pieces);
    return new InkStatistics(
        (double) inked / ((long) w * h),
        (maxX - minX + 1.0) / w,
        (maxY - minY + 1.0) / h,
        pieces[0],
        largest);
  }

  /** The largest 8-connected piece's longer side (share of the side); counts the pieces. */
  private static double largestPiece(float[] ink, int w, int h, int[] count) {
    boolean[] seen = new boolean[w * h];
    int[] queue = new int[w * h];
    double largest = 0;
    for (int start = 0; start < w * h; start++) {
      if (seen[start] || ink[start] <= INK) {
        continue;
      }
      count[0]++;
      int head = 0;
      int tail = 0;
      queue[tail++] = start;
      seen[start] = true;
      int x0 = w;
      int y0 = h;
      int x1 = -1;
      int y1 = -1;
      while (head < tail) {
        int p = queue[head++];
        int x = p % w;
        int y = p / w;
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
              int q = ny * w + nx;
              if (!seen[q] && ink[q] > INK) {
                seen[q] = true;
                queue[tail++] = q;
              }
            }
          }
        }
      }
      largest = Math.max(largest, Math.max((x1 - x0 + 1.0) / w, (y1 - y0 + 1.0) / h));
    }
    return largest;
  }

  /** Almost no ink at all. */
  public boolean blank() {
    return inkShare < BLANK_SHARE;
  }

  /** Nothing but dust: many specks of ink and no stroke among them (a noisy, empty page). */
  public boolean dust() {
    return pieces >= DUST_PIECES && largestPiece < SPECK_SIDE;
  }

  /**
   * A dusty page that also holds a stroke: its dust widens the ink box that the glyph embedder
   * crops to, so the embedding shows mostly dust and no judge of embeddings should call it junk.
   */
  public boolean dusty() {
    return pieces >= DUST_PIECES && !dust();
  }

  /** Some ink, all of it in a tiny spot. */
  public boolean speck() {
    return !blank() && Math.max(boxWidth, boxHeight) < SPECK_SIDE;
  }
}

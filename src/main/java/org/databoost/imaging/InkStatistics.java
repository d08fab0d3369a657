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
 */
public record InkStatistics(double inkShare, double boxWidth, double boxHeight) {
  /** Ink level that counts as a drawn pixel (the glyph input's threshold). */
  static final float INK = 0.25f;

  /** Below this share of inked pixels a page counts as blank. */
  public static final double BLANK_SHARE = 0.001;

  /** An ink box smaller than this share of both sides is a speck. */
  public static final double SPECK_SIDE = 0.06;

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
    return new InkStatistics(
        (double) inked / ((long) w * h), (maxX - minX + 1.0) / w, (maxY - minY + 1.0) / h);
  }

  /** Almost no ink at all. */
  public boolean blank() {
    return inkShare < BLANK_SHARE;
  }

  /** Some ink, all of it in a tiny spot. */
  public boolean speck() {
    return !blank() && Math.max(boxWidth, boxHeight) < SPECK_SIDE;
  }
}

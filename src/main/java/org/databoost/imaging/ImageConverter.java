package org.databoost.imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Converts a decoded image of any type (gray of any bit depth, palette, RGB, with or without alpha)
 * to one of the two standard types the rest of Databoost works with.
 *
 * <p>Transparent pixels are composited onto white: the datasets are dark strokes on a light
 * background, and a transparent background must not turn into black ink. Gray images keep their
 * stored values (scaled to 8 bits) rather than going through Java2D's linear-gray to sRGB
 * conversion, which would lighten them.
 */
public final class ImageConverter {
  private ImageConverter() {}

  /** An 8-bit gray copy ({@link BufferedImage#TYPE_BYTE_GRAY}). */
  public static BufferedImage toGray(BufferedImage source) {
    int w = source.getWidth();
    int h = source.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    int[] rgb = new int[w];
    int[] gray = new int[w];
    for (int y = 0; y < h; y++) {
      opaqueRow(source, y, rgb);
      for (int x = 0; x < w; x++) {
        int p = rgb[x];
        gray[x] = luma((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
      }
      out.getRaster().setSamples(0, y, w, 1, 0, gray);
    }
    return out;
  }

  /** An opaque 8-bit RGB copy ({@link BufferedImage#TYPE_INT_RGB}). */
  public static BufferedImage toRgb(BufferedImage source) {
    int w = source.getWidth();
    int h = source.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] rgb = new int[w];
    for (int y = 0; y < h; y++) {
      opaqueRow(source, y, rgb);
      out.setRGB(0, y, w, 1, rgb, 0, w);
    }
    return out;
  }

  /** ITU-R BT.601 luma, the weights image libraries use for RGB to gray, rounded. */
  static int luma(int r, int g, int b) {
    return (299 * r + 587 * g + 114 * b + 500) / 1000;
  }

  /** One row as opaque 0xRRGGBB values, alpha composited onto white. */
  private static void opaqueRow(BufferedImage source, int y, int[] row) {
    int w = source.getWidth();
    ColorModel cm = source.getColorModel();
    if (isStoredGray(cm)) {
      Raster raster = source.getRaster();
      int max = (1 << cm.getComponentSize(0)) - 1;
      boolean alpha = cm.hasAlpha();
      int alphaMax = alpha ? (1 << cm.getComponentSize(1)) - 1 : 1;
      for (int x = 0; x < w; x++) {
        int v = (raster.getSample(x, y, 0) * 255 + max / 2) / max;
        if (alpha) {
          int a = (raster.getSample(x, y, 1) * 255 + alphaMax / 2) / alphaMax;
          v = overWhite(v, a);
        }
        row[x] = v << 16 | v << 8 | v;
      }
      return;
    }
    source.getRGB(0, y, w, 1, row, 0, w);
    if (cm.hasAlpha()) {
      for (int x = 0; x < w; x++) {
        int p = row[x];
        int a = p >>> 24;
        row[x] =
            overWhite((p >> 16) & 0xff, a) << 16
                | overWhite((p >> 8) & 0xff, a) << 8
                | overWhite(p & 0xff, a);
      }
    } else {
      for (int x = 0; x < w; x++) {
        row[x] &= 0xffffff;
      }
    }
  }

  /** Gray images whose raster holds the gray value itself (not a palette index). */
  private static boolean isStoredGray(ColorModel cm) {
    return cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
        && !(cm instanceof IndexColorModel)
        && !cm.isAlphaPremultiplied()
        && cm.getNumComponents() == (cm.hasAlpha() ? 2 : 1);
  }

  private static int overWhite(int value, int alpha) {
    return (value * alpha + 255 * (255 - alpha) + 127) / 255;
  }
}

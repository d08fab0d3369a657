package org.databoost.autopilot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.util.Optional;
import org.databoost.imaging.ImageConverter;
import org.databoost.imaging.augment.InkImage;

/**
 * Step c's normalisation of one image: crop to the ink's bounding box with a margin and pad to a
 * square with the paper's gray, so that the fixed loader's squash to 32x32 keeps the numeral's
 * shape and fills the frame. The ink rule is {@link InkImage#ink}'s (paper = the 90th percentile of
 * the gray values). The box ignores stray specks: up to {@value #TRIM} of the ink pixels are
 * trimmed from each side.
 */
public final class InkCrop {
  /** Ink level above which a pixel counts for the box. */
  static final float INK = 0.25f;

  /** Share of the ink pixels that may lie outside the box on each side (specks, scan borders). */
  static final double TRIM = 0.005;

  private InkCrop() {}

  /** The crop box: left, top, width, height. */
  record Box(int x, int y, int width, int height) {}

  /** The normalised image (8-bit gray); empty when the image has no ink to crop to. */
  public static Optional<BufferedImage> normalise(BufferedImage image, double margin) {
    BufferedImage gray = ImageConverter.toGray(image);
    int w = gray.getWidth();
    int h = gray.getHeight();
    Raster r = gray.getRaster();
    int[] samples = r.getSamples(0, 0, w, h, 0, new int[w * h]);
    float[] ink = InkImage.ink(samples);
    Optional<Box> box = inkBox(ink, w, h);
    if (box.isEmpty()) {
      return Optional.empty();
    }
    Box b = box.get();
    int paper = paperLevel(samples, ink);
    int longer = Math.max(b.width(), b.height());
    int side = Math.max(1, (int) Math.round(longer * (1 + 2 * margin)));
    int cx2 = 2 * b.x() + b.width(); // twice the centre, to stay in integers
    int cy2 = 2 * b.y() + b.height();
    int left = (cx2 - side) / 2;
    int top = (cy2 - side) / 2;
    BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < side; y++) {
      int sy = top + y;
      for (int x = 0; x < side; x++) {
        int sx = left + x;
        int v = sx >= 0 && sy >= 0 && sx < w && sy < h ? samples[sy * w + sx] : paper;
        pixels[y * side + x] = (byte) v;
      }
    }
    return Optional.of(out);
  }

  /** The box around the ink pixels, trimmed of stray ones; empty without ink. */
  static Optional<Box> inkBox(float[] ink, int w, int h) {
    long[] cols = new long[w];
    long[] rows = new long[h];
    long total = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (ink[y * w + x] > INK) {
          cols[x]++;
          rows[y]++;
          total++;
        }
      }
    }
    if (total == 0) {
      return Optional.empty();
    }
    long allowed = (long) Math.floor(total * TRIM);
    int x0 = first(cols, allowed);
    int x1 = cols.length - 1 - first(reversed(cols), allowed);
    int y0 = first(rows, allowed);
    int y1 = rows.length - 1 - first(reversed(rows), allowed);
    return Optional.of(new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1));
  }

  /** The first index at which the running count exceeds {@code allowed}. */
  private static int first(long[] counts, long allowed) {
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen > allowed) {
        return i;
      }
    }
    return counts.length - 1;
  }

  private static long[] reversed(long[] a) {
    long[] out = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[a.length - 1 - i];
    }
    return out;
  }

  /** The gray of the paper: the median gray of the pixels without ink. */
  private static int paperLevel(int[] samples, float[] ink) {
    int[] histogram = new int[256];
    int n = 0;
    for (int i = 0; i < samples.length; i++) {
      if (ink[i] == 0) {
        histogram[samples[i] & 0xff]++;
        n++;
      }
    }
    if (n == 0) {
      return 255;
    }
    int seen = 0;
    for (int g = 0; g < 256; g++) {
      seen += histogram[g];
      if (2 * seen >= n) {
        return g;
      }
    }
    return 255;
  }
}

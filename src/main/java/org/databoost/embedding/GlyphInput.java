package org.databoost.embedding;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import org.databoost.imaging.AreaResampler;
import org.databoost.imaging.ImageConverter;
import org.databoost.imaging.augment.InkImage;

/**
 * The input of the glyph embedder: one 32x32 plane of ink, the glyph cropped to its bounding box
 * and centred, so that where and how large a numeral was written does not matter.
 *
 * <p>Normalisation, version 2 (the model was trained with version 1, which is this without step 2;
 * the two differ only on pictures with ruling lines or with strokes bolder than 99 in 100 of its
 * training numerals):
 *
 * <ol>
 *   <li>8-bit gray ({@link ImageConverter#toGray}); paper level = the 90th percentile of the gray
 *       values; ink = max(0, paper - gray) / paper (0 on paper, up to 1 on black ink);
 *   <li>the ruling lines of squared or lined paper taken out ({@link RulingLines}), and strokes
 *       bolder than the training data's thinned ({@link BoldStrokes});
 *   <li>bounding box of the pixels with ink above {@value #INK_THRESHOLD} (the whole image when
 *       there are none);
 *   <li>the box scaled, aspect kept, so that its longer side is {@value #GLYPH} pixels, centred in
 *       {@value #SIZE}x{@value #SIZE}, by area averaging;
 *   <li>divided by its maximum (so thin and thick pens give similar contrast); no mean subtraction.
 * </ol>
 */
public final class GlyphInput {
  /** Side of the input plane. */
  public static final int SIZE = 32;

  /** Values per input. */
  public static final int LENGTH = SIZE * SIZE;

  /** Longer side of the glyph inside the plane. */
  static final int GLYPH = 26;

  static final float INK_THRESHOLD = 0.25f;

  private GlyphInput() {}

  /** The normalised ink plane of an image of any type. */
  public static float[] of(BufferedImage image) {
    return ofInk(ink(graySamples(image)), image.getWidth(), image.getHeight());
  }

  /** An image's plane and its {@link StrokeCount}, from one reading of its ink. */
  public record Measured(float[] plane, int strokes) {}

  /**
   * The plane of {@link #of} and the count of {@link StrokeCount#of} together: the ink is read and
   * its ruling lines are taken out once for both.
   */
  public static Measured measured(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    float[] clean = RulingLines.remove(ink(graySamples(image)), w, h);
    int strokes = StrokeCount.across(clean, w, h);
    return new Measured(cropped(BoldStrokes.thin(clean, w, h), w, h), strokes);
  }

  /** The plane for an ink image ({@code w x h}, row-major, 0 = paper, 1 = full ink). */
  public static float[] ofInk(float[] ink, int w, int h) {
    return cropped(BoldStrokes.thin(RulingLines.remove(ink, w, h), w, h), w, h);
  }

  /** Steps 3 to 5: the glyph's box scaled into the plane. */
  static float[] cropped(float[] ink, int w, int h) {
    int x0 = w;
    int y0 = h;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (ink[y * w + x] > INK_THRESHOLD) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    if (x1 < 0) {
      x0 = 0;
      y0 = 0;
      x1 = w - 1;
      y1 = h - 1;
    }
    int boxW = x1 - x0 + 1;
    int boxH = y1 - y0 + 1;
    double scale = (double) Math.max(boxW, boxH) / GLYPH; // source pixels per output pixel
    double left = x0 + boxW / 2.0 - scale * SIZE / 2.0;
    double top = y0 + boxH / 2.0 - scale * SIZE / 2.0;
    AreaResampler area = new AreaResampler(ink, w, h);
    float[] out = new float[LENGTH];
    float max = 0;
    for (int v = 0; v < SIZE; v++) {
      for (int u = 0; u < SIZE; u++) {
        double sx = left + u * scale;
        double sy = top + v * scale;
        double cx0 = Math.max(sx, 0);
        double cy0 = Math.max(sy, 0);
        double cx1 = Math.min(sx + scale, w);
        double cy1 = Math.min(sy + scale, h);
        float value = 0;
        if (cx1 > cx0 && cy1 > cy0) {
          // Outside the image counts as paper: weight the inside mean by the covered share.
          double covered = (cx1 - cx0) * (cy1 - cy0) / (scale * scale);
          value = (float) (area.mean(cx0, cy0, cx1, cy1) * covered);
        }
        out[v * SIZE + u] = value;
        max = Math.max(max, value);
      }
    }
    if (max > 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] /= max;
      }
    }
    return out;
  }

  /** Ink from 8-bit gray samples, relative to the paper level (90th percentile). */
  static float[] ink(int[] gray) {
    return InkImage.ink(gray);
  }

  /** 8-bit gray samples of an image, row-major. */
  static int[] graySamples(BufferedImage image) {
    BufferedImage gray = ImageConverter.toGray(image);
    Raster r = gray.getRaster();
    return r.getSamples(
        0, 0, gray.getWidth(), gray.getHeight(), 0, new int[r.getWidth() * r.getHeight()]);
  }
}

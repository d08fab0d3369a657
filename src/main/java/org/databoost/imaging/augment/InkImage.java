package org.databoost.imaging.augment;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.databoost.imaging.AreaResampler;
import org.databoost.imaging.ImageConverter;

/**
 * A grayscale ink plane, row-major: 0 = paper, 1 = full ink.
 *
 * <p>The array is not copied (a million augmentations must not pay for it): treat it as immutable.
 * Equality compares the pixels.
 */
public record InkImage(int width, int height, float[] ink) {

  public InkImage {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("empty plane " + width + "x" + height);
    }
    if (ink.length != width * height) {
      throw new IllegalArgumentException(
          ink.length + " values for a " + width + "x" + height + " plane");
    }
  }

  /**
   * The ink of a decoded image of any type: 8-bit gray ({@link ImageConverter#toGray}), paper level
   * = the 90th percentile of the gray values, ink = max(0, paper - gray) / paper (the rule of
   * {@code embedding.GlyphInput}), then shrunk by area averaging so that the longer side is at most
   * {@code maxSide} (never enlarged; aspect kept).
   */
  public static InkImage of(BufferedImage image, int maxSide) {
    if (maxSide < 1) {
      throw new IllegalArgumentException("maxSide must be positive: " + maxSide);
    }
    BufferedImage gray = ImageConverter.toGray(image);
    int w = gray.getWidth();
    int h = gray.getHeight();
    Raster r = gray.getRaster();
    float[] ink = ink(r.getSamples(0, 0, w, h, 0, new int[w * h]));
    return new InkImage(w, h, ink).scaledTo(maxSide);
  }

  /**
   * Ink from 8-bit gray samples, relative to the paper level (their 90th percentile): 0 on paper,
   * up to 1 on black. The glyph embedder's input uses the same rule.
   */
  public static float[] ink(int[] gray) {
    int[] histogram = new int[256];
    for (int g : gray) {
      histogram[g]++;
    }
    int paper = 255;
    long seen = 0;
    for (int g = 0; g < 256; g++) {
      seen += histogram[g];
      if (seen * 10 >= 9L * gray.length) {
        paper = g;
        break;
      }
    }
    float p = Math.max(paper, 1);
    float[] ink = new float[gray.length];
    for (int i = 0; i < gray.length; i++) {
      ink[i] = Math.max(0, p - gray[i]) / p;
    }
    return ink;
  }

  /**
   * This plane shrunk by area averaging so that its longer side is at most {@code maxSide}, aspect
   * kept (each side rounded, at least 1); this very image when it is small enough already.
   */
  public InkImage scaledTo(int maxSide) {
    int longer = Math.max(width, height);
    if (longer <= maxSide) {
      return this;
    }
    double f = (double) maxSide / longer;
    int w = Math.max(1, Math.min(maxSide, (int) Math.round(width * f)));
    int h = Math.max(1, Math.min(maxSide, (int) Math.round(height * f)));
    return new InkImage(w, h, new AreaResampler(ink, width, height).resize(w, h));
  }

  /** The sum of the ink values. */
  public double totalInk() {
    double sum = 0;
    for (float v : ink) {
      sum += v;
    }
    return sum;
  }

  /** An 8-bit {@link BufferedImage#TYPE_BYTE_GRAY} image: gray = round(255 (1 - clamp(ink))). */
  public BufferedImage toGray() {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < ink.length; i++) {
      float v = Math.max(0f, Math.min(1f, ink[i]));
      pixels[i] = (byte) Math.round(255 * (1 - v));
    }
    return out;
  }

  /**
   * PNG bytes of {@link #toGray()}, encoded in memory. The same plane gives the same bytes (the
   * JDK's encoder writes no time stamp); the pixels, not the compressed bytes, are what stays
   * identical across JDK versions.
   */
  public byte[] toPng() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + width * height / 2);
    try {
      if (!ImageIO.write(toGray(), "png", bytes)) {
        throw new IllegalStateException("no PNG writer in this JDK");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding in memory failed", e);
    }
    return bytes.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InkImage other
        && width == other.width
        && height == other.height
        && Arrays.equals(ink, other.ink);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(ink);
  }

  @Override
  public String toString() {
    return "InkImage[" + width + "x" + height + ", total ink " + (float) totalInk() + "]";
  }
}

package org.databoost.autopilot;

import java.awt.image.BufferedImage;
import org.databoost.imaging.ImageConverter;
import org.databoost.imaging.augment.InkImage;

/** A mirror of an ink plane. */
public enum Flip {
  /** No mirror. */
  NONE("none"),
  /** Left-right. */
  LEFT_RIGHT("left-right"),
  /** Top-bottom. */
  TOP_BOTTOM("top-bottom"),
  /** Both, which is a half turn. */
  BOTH("half turn");

  private final String text;

  Flip(String text) {
    this.text = text;
  }

  @Override
  public String toString() {
    return text;
  }

  /** The mirrored image, as 8-bit gray. */
  public BufferedImage apply(BufferedImage image) {
    BufferedImage gray = ImageConverter.toGray(image);
    int w = gray.getWidth();
    int h = gray.getHeight();
    int[] in = gray.getRaster().getSamples(0, 0, w, h, 0, new int[w * h]);
    int[] out = mirror(in, w, h);
    BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    result.getRaster().setSamples(0, 0, w, h, 0, out);
    return result;
  }

  private int[] mirror(int[] in, int w, int h) {
    boolean lr = this == LEFT_RIGHT || this == BOTH;
    boolean tb = this == TOP_BOTTOM || this == BOTH;
    int[] out = new int[in.length];
    for (int y = 0; y < h; y++) {
      int sy = tb ? h - 1 - y : y;
      for (int x = 0; x < w; x++) {
        out[y * w + x] = in[sy * w + (lr ? w - 1 - x : x)];
      }
    }
    return out;
  }

  /** The mirrored plane (this very plane for {@link #NONE}). */
  public InkImage apply(InkImage plane) {
    if (this == NONE) {
      return plane;
    }
    int w = plane.width();
    int h = plane.height();
    float[] in = plane.ink();
    float[] out = new float[in.length];
    boolean lr = this == LEFT_RIGHT || this == BOTH;
    boolean tb = this == TOP_BOTTOM || this == BOTH;
    for (int y = 0; y < h; y++) {
      int sy = tb ? h - 1 - y : y;
      for (int x = 0; x < w; x++) {
        int sx = lr ? w - 1 - x : x;
        out[y * w + x] = in[sy * w + sx];
      }
    }
    return new InkImage(w, h, out);
  }
}

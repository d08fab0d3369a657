package org.databoost.embedding;

import java.awt.image.BufferedImage;
import org.databoost.imaging.AreaResampler;

/**
 * The baseline every other embedder must beat: the whole image in 8-bit gray, squeezed to {@code
 * side x side} by area averaging (aspect not kept), values 0..1, minus their mean, L2-normalised.
 */
public final class RawPixelEmbedder extends PreparedEmbedder {
  /** The default side: 16x16 = 256 values. */
  public static final int DEFAULT_SIDE = 16;

  private final int side;

  public RawPixelEmbedder() {
    this(DEFAULT_SIDE);
  }

  public RawPixelEmbedder(int side) {
    super(256);
    if (side < 2) {
      throw new IllegalArgumentException("side must be at least 2, got " + side);
    }
    this.side = side;
  }

  @Override
  public String name() {
    return "raw-pixels-" + side + "-v1";
  }

  @Override
  public int dimension() {
    return side * side;
  }

  @Override
  protected float[] prepare(BufferedImage image) {
    int[] gray = GlyphInput.graySamples(image);
    float[] plane = new float[gray.length];
    for (int i = 0; i < gray.length; i++) {
      plane[i] = gray[i] / 255f;
    }
    float[] small = new AreaResampler(plane, image.getWidth(), image.getHeight()).resize(side);
    double mean = 0;
    for (float v : small) {
      mean += v;
    }
    mean /= small.length;
    for (int i = 0; i < small.length; i++) {
      small[i] -= (float) mean;
    }
    return small;
  }

  @Override
  protected float[][] forward(float[][] inputs) {
    return inputs;
  }
}

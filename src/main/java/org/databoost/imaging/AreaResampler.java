package org.databoost.imaging;

/**
 * Resamples a plane of values by exact area averaging: each output pixel is the mean of the source
 * area it covers, fractional pixels weighted by coverage. Unlike subsampling it keeps thin strokes
 * when shrinking a 250-pixel glyph to 32 pixels. Used by the embedders' inputs and by the
 * augmentation planes.
 */
public final class AreaResampler {
  private final double[] sums;
  private final int width;
  private final int height;

  /** Prepares a summed-area table of {@code plane} ({@code width x height}, row-major). */
  public AreaResampler(float[] plane, int width, int height) {
    this.width = width;
    this.height = height;
    sums = new double[(width + 1) * (height + 1)];
    for (int y = 0; y < height; y++) {
      double row = 0;
      for (int x = 0; x < width; x++) {
        row += plane[y * width + x];
        sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + row;
      }
    }
  }

  /** The sum over the rectangle [0, x) x [0, y) for fractional corners (bilinear in the table). */
  private double sumTo(double x, double y) {
    x = Math.max(0, Math.min(width, x));
    y = Math.max(0, Math.min(height, y));
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    int x1 = Math.min(width, x0 + 1);
    int y1 = Math.min(height, y0 + 1);
    double fx = x - x0;
    double fy = y - y0;
    double a = sums[y0 * (width + 1) + x0];
    double b = sums[y0 * (width + 1) + x1];
    double c = sums[y1 * (width + 1) + x0];
    double d = sums[y1 * (width + 1) + x1];
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
  }

  /** The mean over the source rectangle [x0, x1) x [y0, y1); 0 outside the plane. */
  public double mean(double x0, double y0, double x1, double y1) {
    double area = (x1 - x0) * (y1 - y0);
    if (area <= 0) {
      return 0;
    }
    double s = sumTo(x1, y1) - sumTo(x0, y1) - sumTo(x1, y0) + sumTo(x0, y0);
    return s / area;
  }

  /** The whole plane squeezed (aspect not kept) into {@code side x side}. */
  public float[] resize(int side) {
    return resize(side, side);
  }

  /** The whole plane squeezed (aspect not kept) into {@code outWidth x outHeight}, row-major. */
  public float[] resize(int outWidth, int outHeight) {
    float[] out = new float[outWidth * outHeight];
    double sx = (double) width / outWidth;
    double sy = (double) height / outHeight;
    for (int v = 0; v < outHeight; v++) {
      for (int u = 0; u < outWidth; u++) {
        out[v * outWidth + u] = (float) mean(u * sx, v * sy, (u + 1) * sx, (v + 1) * sy);
      }
    }
    return out;
  }
}

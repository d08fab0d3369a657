package org.databoost.imaging.augment;

import java.util.Arrays;

/**
 * Rotation, shear, scale, translation and elastic distortion as one inverse mapping: each output
 * pixel is displaced by the elastic field, mapped back through the inverse affine transform and
 * sampled bilinearly from the source (outside = paper).
 *
 * <p>The elastic field is a coarse {@value #GRID}x{@value #GRID} grid of random displacement
 * vectors spread over the image and bilinearly interpolated: smooth, resolution independent and
 * about as cheap as the affine part, where a full-resolution Gaussian-smoothed field would cost
 * more than everything else together.
 */
final class Warp {
  static final int GRID = 5;

  /** Keys the control grid apart from the parameter stream of the same seed. */
  private static final long ELASTIC_SALT = 0x3c6ef372fe94f82bL;

  private Warp() {}

  /**
   * Renders {@code src} into {@code out} (both {@code w x h}); {@code grid} holds at least {@code 2
   * GRID^2 + 2 GRID} doubles of scratch.
   */
  static void apply(float[] src, float[] out, int w, int h, Augmentation a, double[] grid) {
    double side = Math.max(w, h);
    double theta = Math.toRadians(a.rotation());
    double cos = StrictMath.cos(theta);
    double sin = StrictMath.sin(theta);
    double k = a.shear();
    double s = a.scale();
    // Forward: out = s R Sh p + t with R = [[c, s], [-s, c]] (counter-clockwise with y down) and
    // Sh = [[1, k], [0, 1]]; this is its inverse, Sh^-1 R^-1 / s.
    double a00 = (cos - k * sin) / s;
    double a01 = (-sin - k * cos) / s;
    double a10 = sin / s;
    double a11 = cos / s;
    double cx = w / 2.0;
    double cy = h / 2.0;
    // Source sample position (pixel centres at integers) for output pixel (x, y) displaced by e:
    // A^-1 (x + 0.5 + ex - cx - side tx, ...) + c - 0.5.
    double ox = 0.5 - cx - side * a.translateX();
    double oy = 0.5 - cy - side * a.translateY();
    double b0 = a00 * ox + a01 * oy + cx - 0.5;
    double b1 = a10 * ox + a11 * oy + cy - 0.5;

    int cells = GRID * GRID;
    fillGrid(grid, a, side);
    int rowX = 2 * cells;
    int rowY = rowX + GRID;
    double gridPerX = (GRID - 1) / (double) w;
    double gridPerY = (GRID - 1) / (double) h;
    for (int y = 0; y < h; y++) {
      double gy = (y + 0.5) * gridPerY;
      int j = Math.min((int) gy, GRID - 2);
      double fy = gy - j;
      for (int i = 0; i < GRID; i++) {
        int n = j * GRID + i;
        grid[rowX + i] = grid[n] + fy * (grid[n + GRID] - grid[n]);
        grid[rowY + i] = grid[cells + n] + fy * (grid[cells + n + GRID] - grid[cells + n]);
      }
      int base = y * w;
      for (int x = 0; x < w; x++) {
        double gx = (x + 0.5) * gridPerX;
        int i = Math.min((int) gx, GRID - 2);
        double fx = gx - i;
        double dx = grid[rowX + i] + fx * (grid[rowX + i + 1] - grid[rowX + i]);
        double dy = grid[rowY + i] + fx * (grid[rowY + i + 1] - grid[rowY + i]);
        double u = x + dx;
        double v = y + dy;
        out[base + x] = sample(src, w, h, a00 * u + a01 * v + b0, a10 * u + a11 * v + b1);
      }
    }
  }

  /** The displacement vectors, in pixels: x components, then y components, row-major. */
  private static void fillGrid(double[] grid, Augmentation a, double side) {
    int cells = GRID * GRID;
    if (a.elastic() == 0) {
      Arrays.fill(grid, 0, 2 * cells, 0.0);
      return;
    }
    double amplitude = a.elastic() * side;
    SplitMix random = new SplitMix(a.seed() ^ ELASTIC_SALT);
    for (int n = 0; n < 2 * cells; n++) {
      grid[n] = amplitude * random.nextSigned();
    }
  }

  /** Bilinear sample at (px, py), pixel centres at integers; 0 outside the plane. */
  private static float sample(float[] src, int w, int h, double px, double py) {
    double floorX = Math.floor(px);
    double floorY = Math.floor(py);
    if (floorX < -1 || floorY < -1 || floorX >= w || floorY >= h) {
      return 0;
    }
    int ix = (int) floorX;
    int iy = (int) floorY;
    float fx = (float) (px - floorX);
    float fy = (float) (py - floorY);
    float p00;
    float p01;
    float p10;
    float p11;
    int k = iy * w + ix;
    if (ix >= 0 && iy >= 0 && ix < w - 1 && iy < h - 1) {
      p00 = src[k];
      p01 = src[k + 1];
      p10 = src[k + w];
      p11 = src[k + w + 1];
    } else {
      boolean left = ix >= 0;
      boolean right = ix + 1 < w;
      boolean top = iy >= 0;
      boolean bottom = iy + 1 < h;
      p00 = left && top ? src[k] : 0;
      p01 = right && top ? src[k + 1] : 0;
      p10 = left && bottom ? src[k + w] : 0;
      p11 = right && bottom ? src[k + w + 1] : 0;
    }
    float upper = p00 + fx * (p01 - p00);
    float lower = p10 + fx * (p11 - p10);
    return upper + fy * (lower - upper);
  }
}

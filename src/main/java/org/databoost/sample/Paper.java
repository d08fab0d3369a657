package org.databoost.sample;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * Turns ink coverage into a scanned-looking grayscale image: light paper with a faint texture and
 * gradient, sensor noise and a few specks of dust.
 */
final class Paper {
  private Paper() {}

  /**
   * The final 8-bit grayscale image. {@code dirty} makes heavy noise and many specks, for junk
   * images that hold nothing but paper.
   */
  static BufferedImage finish(BufferedImage coverage, int ink, boolean dirty, Dice dice) {
    int w = coverage.getWidth();
    int h = coverage.getHeight();
    double paper = dice.chance(0.15) ? dice.uniform(228, 245) : 255 - Math.abs(dice.gauss(0, 4));
    double noise = dirty ? dice.uniform(12, 30) : dice.chance(0.5) ? 0 : dice.uniform(0.5, 4);
    double texture = dice.chance(0.4) ? dice.uniform(1, 6) : 0;
    double fx = dice.uniform(0.01, 0.08);
    double fy = dice.uniform(0.01, 0.08);
    double phase = dice.uniform(0, 2 * Math.PI);
    double gradient = dice.chance(0.3) ? dice.uniform(-10, 10) : 0;

    // The texture is separable, so its two factors are computed once per column and row.
    double[] across = new double[w];
    for (int x = 0; x < w; x++) {
      across[x] = Math.sin(fx * x + phase);
    }
    WritableRaster in = coverage.getRaster();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = out.getRaster();
    int[] cov = new int[w];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      in.getSamples(0, y, w, 1, 0, cov);
      double down = Math.cos(fy * y - phase);
      for (int x = 0; x < w; x++) {
        double bg = paper + gradient * (x + y) / (w + h);
        if (texture > 0) {
          bg -= texture * (1 + across[x] * down) / 2;
        }
        double c = cov[x] / 255.0;
        double v = bg * (1 - c) + ink * c;
        if (noise > 0) {
          v += noise * (dice.uniform(-1, 1) + dice.uniform(-1, 1)) / 2;
        }
        row[x] = clamp(v);
      }
      raster.setSamples(0, y, w, 1, 0, row);
    }
    speckle(raster, dirty ? dice.between(150, 600) : dice.between(0, w * h / 4000), dice);
    return out;
  }

  private static void speckle(WritableRaster raster, int count, Dice dice) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    for (int i = 0; i < count; i++) {
      int x = dice.nextInt(w);
      int y = dice.nextInt(h);
      int size = dice.chance(0.8) ? 1 : 2;
      int gray = (int) dice.uniform(90, 210);
      for (int dy = 0; dy < size && y + dy < h; dy++) {
        for (int dx = 0; dx < size && x + dx < w; dx++) {
          raster.setSample(x + dx, y + dy, 0, Math.min(gray, raster.getSample(x + dx, y + dy, 0)));
        }
      }
    }
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}

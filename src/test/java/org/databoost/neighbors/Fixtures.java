package org.databoost.neighbors;

import java.util.SplittableRandom;

/** Small generated matrices for the neighbour tests. */
final class Fixtures {
  private Fixtures() {}

  static Vectors gaussian(int rows, int dim, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] data = new float[rows * dim];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) gauss(rnd);
    }
    return Vectors.wrap(data, rows, dim).normalised();
  }

  /** Points around {@code clusters} random centres, L2-normalised: a realistic, hard-ish mix. */
  static Vectors clustered(int rows, int dim, int clusters, double spread, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[][] centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = (float) gauss(rnd);
      }
    }
    float[] data = new float[rows * dim];
    for (int r = 0; r < rows; r++) {
      float[] c = centres[rnd.nextInt(clusters)];
      for (int j = 0; j < dim; j++) {
        data[r * dim + j] = c[j] + (float) (spread * gauss(rnd));
      }
    }
    return Vectors.wrap(data, rows, dim).normalised();
  }

  private static double gauss(SplittableRandom rnd) {
    double u = 1.0 - rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }
}

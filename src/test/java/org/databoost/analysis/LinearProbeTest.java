package org.databoost.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearProbeTest {
  /** n points around one of `classes` orthogonal directions in `dim` dimensions, with noise. */
  static float[][] clusters(int n, int classes, int dim, long seed, int[] labels) {
    Random r = new Random(seed);
    float[][] x = new float[n][dim];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
      for (int d = 0; d < dim; d++) {
        x[i][d] = (float) (0.25 * r.nextGaussian());
      }
      x[i][labels[i]] += 1f;
    }
    return x;
  }

  @Test
  void rowsAreOutOfSampleSoAWrongLabelIsNotLearnedForItsOwnImage() {
    int n = 300;
    int[] labels = new int[n];
    float[][] x = clusters(n, 3, 8, 1, labels);
    int[] given = labels.clone();
    given[10] = (labels[10] + 1) % 3; // a flipped label inside a clean cluster
    float[][] p = LinearProbe.outOfSample(x, given, 3, 5, 7, LinearProbe.DEFAULT_LAMBDA);
    int right = 0;
    for (int i = 0; i < n; i++) {
      float sum = 0;
      for (float v : p[i]) {
        sum += v;
      }
      assertEquals(1f, sum, 1e-4f, "row " + i + " is a distribution");
      right += ClassRows.argmax(p[i]) == labels[i] ? 1 : 0;
    }
    assertTrue(right >= 0.95 * n, "well separated clusters: " + right + " of " + n);
    assertTrue(p[10][given[10]] < 0.2f, "the flipped label keeps little probability");
    assertEquals(labels[10], ClassRows.argmax(p[10]));
  }

  @Test
  void imagesLeftOutOfTheFitsStillGetRowsAndNoLongerPullTheirCluster() {
    int n = 300;
    int[] labels = new int[n];
    float[][] x = clusters(n, 3, 8, 4, labels);
    int[] given = labels.clone();
    boolean[] unfit = new boolean[n];
    for (int i = 0; i < 60; i += 3) { // 20 images of class 0 filed as class 1
      given[i] = 1;
      unfit[i] = true;
    }
    float[][] noisy = LinearProbe.outOfSample(x, given, 3, 5, 7, 0.01);
    float[][] cleaned = LinearProbe.outOfSample(x, given, 3, 5, 7, 0.01, unfit);
    double pullBefore = 0;
    double pullAfter = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] == 0 && !unfit[i]) {
        pullBefore += noisy[i][1];
        pullAfter += cleaned[i][1];
      }
    }
    assertTrue(
        pullAfter < 0.5 * pullBefore,
        "class 1's probability on clean class-0 images: " + pullBefore + " -> " + pullAfter);
    for (int i = 0; i < 60; i += 3) {
      assertEquals(0, ClassRows.argmax(cleaned[i]), "row " + i);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> LinearProbe.outOfSample(x, given, 3, 5, 7, 0.01, new boolean[n - 1]));
  }

  @Test
  void theSameSeedGivesTheSameRowsAndAClassMissingFromAFoldStaysZero() {
    int[] labels = new int[60];
    float[][] x = clusters(60, 3, 4, 2, labels);
    labels[5] = 3; // one image of a fourth class: absent from the folds that hold it out
    float[][] a = LinearProbe.outOfSample(x, labels, 4, 5, 3, 0.1);
    float[][] b = LinearProbe.outOfSample(x, labels, 4, 5, 3, 0.1);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i]);
    }
    assertEquals(0f, a[5][3], "its own fold never saw class 3");
  }

  @Test
  void averageIsElementWiseAndRefusesMismatchedShapes() {
    float[][] m = ClassRows.average(new float[][] {{1f, 0f}}, new float[][] {{0f, 1f}});
    assertArrayEquals(new float[] {0.5f, 0.5f}, m[0]);
    assertThrows(
        IllegalArgumentException.class,
        () -> ClassRows.average(new float[][] {{1f, 0f}}, new float[][] {{1f, 0f, 0f}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> LinearProbe.outOfSample(new float[][] {{1f}}, new int[] {0, 1}, 2, 2, 1, 0.1));
    assertThrows(
        IllegalArgumentException.class,
        () -> LinearProbe.outOfSample(new float[][] {{1f}, {2f}}, new int[] {0, 2}, 2, 2, 1, 0.1));
  }
}

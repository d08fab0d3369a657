package org.databoost.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import smile.manifold.UMAP;

class UmapProjectorTest {
  private static final UmapOptions FAST = UmapOptions.defaults().withEpochs(100).withThreads(1);

  @Test
  void everyRowGetsFiniteCoordinates() {
    float[] x = Blobs.make(3, 100, 16, 0.3, 1);
    Projection p = new UmapProjector(FAST).project(x, 300, 16, Progress.NONE);
    assertEquals(300, p.size());
    assertAllFinite(p);
  }

  @Test
  void disconnectedClustersAreAllEmbeddedSideBySide() {
    // far-apart blobs: the k-NN graph splits into one component per blob, and Smile 3.1.1's
    // UMAP would return only the largest (here the first 120 rows) and drop the others
    int[] sizes = {120, 60, 30, 9, 5};
    int d = 12;
    int n = 0;
    for (int s : sizes) {
      n += s;
    }
    float[] x = new float[n * d];
    int row = 0;
    Random r = new Random(3);
    for (int c = 0; c < sizes.length; c++) {
      for (int p = 0; p < sizes[c]; p++, row++) {
        x[row * d + c] = 1; // orthogonal centres: cosine distance 1 between blobs
        for (int j = 0; j < d; j++) {
          x[row * d + j] += (float) (0.01 * r.nextGaussian());
        }
      }
    }
    double[][] rows = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        rows[i][j] = x[i * d + j];
      }
    }
    // the pitfall this guards against: Smile keeps only the largest component's rows
    UMAP plain = UMAP.of(rows, 4, 2, 50, 1.0, 0.1, 1.0, 5, 1.0);
    assertTrue(plain.index.length < n, "Smile kept " + plain.index.length + " of " + n);
    Projection p = new UmapProjector(FAST.withNeighbors(5)).project(x, n, d, Progress.NONE);
    assertEquals(n, p.size());
    assertAllFinite(p);
    assertEquals(sizes.length, p.components());
    // components are numbered by size, each blob is one component
    row = 0;
    for (int c = 0; c < sizes.length; c++) {
      for (int q = 0; q < sizes[c]; q++, row++) {
        assertEquals(c, p.component()[row], "row " + row);
      }
    }
    // the blobs do not collapse onto each other: centroids are apart
    float[][] centre = new float[sizes.length][2];
    row = 0;
    for (int c = 0; c < sizes.length; c++) {
      for (int q = 0; q < sizes[c]; q++, row++) {
        centre[c][0] += p.x()[row] / sizes[c];
        centre[c][1] += p.y()[row] / sizes[c];
      }
    }
    for (int a = 0; a < sizes.length; a++) {
      for (int b = a + 1; b < sizes.length; b++) {
        double gap = Math.hypot(centre[a][0] - centre[b][0], centre[a][1] - centre[b][1]);
        assertTrue(gap > 1, "blobs " + a + " and " + b + " overlap: " + gap);
      }
    }
  }

  @Test
  void sameSeedSameMapOtherSeedOtherMap() {
    float[] x = Blobs.make(4, 50, 8, 0.5, 2);
    Projection a = new UmapProjector(FAST.withSeed(7)).project(x, 200, 8, Progress.NONE);
    Projection b = new UmapProjector(FAST.withSeed(7)).project(x, 200, 8, Progress.NONE);
    Projection c = new UmapProjector(FAST.withSeed(8)).project(x, 200, 8, Progress.NONE);
    assertArrayEquals(a.x(), b.x());
    assertArrayEquals(a.y(), b.y());
    assertNotEquals(a.x()[0], c.x()[0]);
  }

  @Test
  void highDimensionalNeighboursStayNeighbours() {
    int n = 300;
    int d = 20;
    float[] x = Blobs.make(5, 60, d, 0.6, 4);
    Projection p = new UmapProjector(FAST.withEpochs(200)).project(x, n, d, Progress.NONE);
    double t = Blobs.trustworthiness(x, n, d, p, 10);
    assertTrue(t > 0.9, "trustworthiness@10 " + t);
  }

  @Test
  void cancelStopsBetweenEpochs() {
    float[] x = Blobs.make(2, 100, 8, 0.5, 5);
    List<String> stages = new ArrayList<>();
    Progress cancelInLayout =
        new Progress() {
          @Override
          public void update(String stage, long done, long total) {
            stages.add(stage);
          }

          @Override
          public boolean isCancelled() {
            return stages.contains("layout") && stages.size() > 10;
          }
        };
    UmapProjector projector = new UmapProjector(FAST);
    assertThrows(CancelledException.class, () -> projector.project(x, 200, 8, cancelInLayout));
    Set<String> seen = new HashSet<>(stages);
    assertTrue(seen.contains("neighbour graph"), "stages " + seen);
    assertTrue(seen.contains("layout"), "stages " + seen);
  }

  @Test
  void cancelDuringNeighbourSearch() {
    float[] x = Blobs.make(2, 100, 8, 0.5, 5);
    Progress cancelled =
        new Progress() {
          @Override
          public void update(String stage, long done, long total) {}

          @Override
          public boolean isCancelled() {
            return true;
          }
        };
    assertThrows(
        CancelledException.class, () -> new UmapProjector(FAST).project(x, 200, 8, cancelled));
  }

  @Test
  void severalThreadsAlsoEmbedEveryRow() {
    float[] x = Blobs.make(3, 200, 16, 0.4, 6);
    Projection p = new UmapProjector(FAST.withThreads(3)).project(x, 600, 16, Progress.NONE);
    assertAllFinite(p);
    assertTrue(Blobs.trustworthiness(x, 600, 16, p, 10) > 0.9);
  }

  @Test
  void tinyInputsAndRowArrays() {
    assertEquals(0, new UmapProjector(FAST).project(new float[0][], Progress.NONE).size());
    Projection one = new UmapProjector(FAST).project(new float[][] {{1, 2}}, Progress.NONE);
    assertAllFinite(one);
    Projection few =
        new UmapProjector(FAST)
            .project(new float[][] {{1, 0}, {0, 1}, {1, 1}, {1, 0.5f}}, Progress.NONE);
    assertEquals(4, few.size());
    assertAllFinite(few);
  }

  @Test
  void rejectsBadInput() {
    UmapProjector p = new UmapProjector(FAST);
    assertThrows(
        IllegalArgumentException.class, () -> p.project(new float[5], 2, 2, Progress.NONE));
    assertThrows(
        IllegalArgumentException.class,
        () -> p.project(new float[][] {{1, 2}, {1}}, Progress.NONE));
    float[] nan = {1, 2, Float.NaN, 3, 4, 5, 6, 7};
    assertThrows(IllegalArgumentException.class, () -> p.project(nan, 4, 2, Progress.NONE));
  }

  @Test
  void projectsFromAPrecomputedGraph() {
    int n = 200;
    int d = 8;
    float[] x = Blobs.make(4, 50, d, 0.5, 9);
    KnnGraph g;
    try (Workers w = new Workers(1)) {
      g = GraphSearch.configured().search(x, n, d, 14, w, Progress.NONE);
    }
    Projection fromGraph = new UmapProjector(FAST).project(g, Progress.NONE);
    Projection fromData = new UmapProjector(FAST).project(x, n, d, Progress.NONE);
    assertAllFinite(fromGraph);
    assertArrayEquals(fromData.x(), fromGraph.x()); // same graph, same seed: same map
  }

  static void assertAllFinite(Projection p) {
    for (int i = 0; i < p.size(); i++) {
      assertTrue(Float.isFinite(p.x()[i]) && Float.isFinite(p.y()[i]), "row " + i);
    }
  }
}

package org.databoost.projection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.databoost.ChildJvm;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;

/**
 * Without {@code jdk.incubator.vector} the Vector search would run its scalar loops (about 9x
 * slower than OpenBLAS at 10K x 256), so UMAP builds its graph with the OpenBLAS blocks instead.
 */
class WithoutVectorModuleGraphTest {

  /** Runs in the child JVM: prints the graph search and how many rows were embedded. */
  public static void main(String[] args) {
    float[] x = Blobs.make(3, 40, 8, 0.4, 1);
    UmapOptions o = UmapOptions.defaults().withEpochs(20).withThreads(1);
    Projection p = new UmapProjector(o).project(x, 120, 8, Progress.NONE);
    System.out.println("graph " + UmapProjector.graphSearch() + " rows " + p.size());
  }

  @Test
  void umapFallsBackToTheBlasGraph() throws Exception {
    String out = ChildJvm.runMain(WithoutVectorModuleGraphTest.class);
    assertTrue(out.contains("graph blas rows 120"), out);
  }
}

package org.databoost.neighbors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.databoost.ChildJvm;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;

/** A JVM started without {@code --add-modules jdk.incubator.vector} still searches, only slower. */
class WithoutVectorModuleTest {

  /** Runs in the child JVM: prints the kernel and one query's neighbours. */
  public static void main(String[] args) {
    Vectors base = Fixtures.gaussian(300, 40, 1);
    Neighbors nb = ExactSearch.knn(base.head(1), base, 3, Progress.NONE);
    System.out.println(ExactSearch.create().kernelName() + " " + nb.id(0, 0));
  }

  @Test
  void fallsBackToTheScalarKernelWithAWarning() throws Exception {
    String out = ChildJvm.runMain(WithoutVectorModuleTest.class);
    assertTrue(out.contains("scalar 0"), out);
    assertTrue(out.contains("jdk.incubator.vector is not enabled"), out);
  }
}

package org.databoost.neighbors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    WithoutVectorModuleTest.class.getName()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.contains("scalar 0"), out);
    assertTrue(out.contains("jdk.incubator.vector is not enabled"), out);
  }
}

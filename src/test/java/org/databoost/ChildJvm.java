package org.databoost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs a class's {@code main} in a plain child JVM (no extra modules), for tests of fallbacks. */
public final class ChildJvm {
  private ChildJvm() {}

  /** The child's output (stdout and stderr together); fails the test unless it exits with 0. */
  public static String runMain(Class<?> main) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(), "-cp", System.getProperty("java.class.path"), main.getName()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }
}

package org.databoost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The window's JVM gets a small young generation, promoted early, unless the user sized it or chose
 * a collector.
 */
class WindowHeapTest {
  @Test
  void onlyTheWindowAndItsBenchmarkGetIt() {
    assertTrue(WindowHeap.forWindow(new String[0]));
    assertTrue(WindowHeap.forWindow(new String[] {"open", "data"}));
    assertTrue(WindowHeap.forWindow(new String[] {"bench", "ui"}));
    assertFalse(WindowHeap.forWindow(new String[] {"bench", "embed", "data"}));
    assertFalse(WindowHeap.forWindow(new String[] {"evaluate", "data"}));
  }

  @Test
  void theUsersOwnChoiceIsKeptAndTheOptionIsNotAddedTwice() {
    assertEquals(
        WindowHeap.OPTIONS, WindowHeap.options(List.of("-Xmx3g", "-Dai.djl.offline=true")));
    assertEquals(WindowHeap.OPTIONS, WindowHeap.options(List.of("-XX:+UseG1GC")));
    for (String own :
        List.of(
            WindowHeap.OPTIONS.get(0),
            WindowHeap.OPTIONS.get(1),
            "-XX:MaxTenuringThreshold=15",
            "-Xmn256m",
            "-XX:NewSize=32m",
            "-XX:MaxNewSize=1g",
            "-XX:NewRatio=3",
            "-XX:+UseZGC",
            "-XX:+UseShenandoahGC")) {
      assertEquals(List.of(), WindowHeap.options(List.of("-Xmx3g", own)), own);
    }
  }

  @Test
  void aJvmStartedWithThemHasThatYoungGeneration() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(WindowHeap.OPTIONS);
    cmd.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    Matcher m = Pattern.compile("\\bMaxNewSize\\s*=\\s*(\\d+)").matcher(out);
    assertTrue(m.find(), out);
    assertEquals(64L << 20, Long.parseLong(m.group(1)));
    Matcher t = Pattern.compile("\\bMaxTenuringThreshold\\s*=\\s*(\\d+)").matcher(out);
    assertTrue(t.find(), out);
    assertEquals(1, Integer.parseInt(t.group(1)));
  }
}

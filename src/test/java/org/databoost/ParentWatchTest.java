package org.databoost;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real parent JVM starts a real child JVM; the parent is killed with SIGKILL (no shutdown hook
 * runs), and the child must notice within about a second, cancel and exit.
 */
class ParentWatchTest {
  @TempDir Path tmp;

  private static ProcessBuilder java(String mainClass, String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), mainClass));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true);
  }

  /** Starts the child, then waits to be killed. */
  public static final class Parent {
    public static void main(String[] args) throws Exception {
      java(Child.class.getName(), args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      Thread.sleep(120_000);
    }
  }

  /** Watches its parent; when it is gone, records the cancel and exits. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      ParentWatch.start(
          ParentWatch.cancelThenExit(
              () -> {
                try {
                  Files.writeString(dir.resolve("cancelled"), Long.toString(System.nanoTime()));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              Duration.ofMillis(200),
              System::exit));
      Files.writeString(dir.resolve("child.pid"), Long.toString(ProcessHandle.current().pid()));
      Thread.sleep(120_000);
    }
  }

  @Test
  void aChildWhoseParentIsKilledWithSigkillCancelsAndExitsWithinSeconds() throws Exception {
    Process parent = java(Parent.class.getName(), tmp.toString()).start();
    Path pidFile = tmp.resolve("child.pid");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.exists(pidFile) || Files.readString(pidFile).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "the child never started");
      Thread.sleep(50);
    }
    Thread.sleep(100);
    ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(pidFile))).orElseThrow();
    assertTrue(child.isAlive());

    parent.destroyForcibly(); // SIGKILL
    parent.waitFor();
    long killed = System.nanoTime();
    while (child.isAlive() && System.nanoTime() - killed < Duration.ofSeconds(10).toNanos()) {
      Thread.sleep(20);
    }
    double seconds = (System.nanoTime() - killed) / 1e9;
    assertFalse(child.isAlive(), "the child outlived its killed parent by 10 s");
    assertTrue(Files.exists(tmp.resolve("cancelled")), "the child exited without cancelling");
    long noticed = Long.parseLong(Files.readString(tmp.resolve("cancelled")));
    double noticeSeconds = (noticed - killed) / 1e9;
    assertTrue(noticeSeconds < 1.5, "noticed after " + noticeSeconds + " s");
    assertTrue(seconds < 5, "exited after " + seconds + " s");
  }

  @Test
  void aChildWhoseParentLivesKeepsRunning() throws Exception {
    Process parent = java(Parent.class.getName(), tmp.toString()).start();
    try {
      Path pidFile = tmp.resolve("child.pid");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!Files.exists(pidFile) || Files.readString(pidFile).isEmpty()) {
        assertTrue(System.nanoTime() < deadline, "the child never started");
        Thread.sleep(50);
      }
      ProcessHandle child =
          ProcessHandle.of(Long.parseLong(Files.readString(pidFile))).orElseThrow();
      Thread.sleep(1000);
      assertTrue(child.isAlive());
      assertFalse(Files.exists(tmp.resolve("cancelled")));
      child.destroyForcibly();
    } finally {
      parent.destroyForcibly();
      parent.waitFor();
    }
  }
}

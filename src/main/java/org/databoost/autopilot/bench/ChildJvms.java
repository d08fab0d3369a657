package org.databoost.autopilot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs benchmark cells in child JVMs of this very program, so that two trainings run at once (one
 * per JVM: PyTorch allows one training per process). The children inherit this process's
 * environment (allocator settings, MKL shim) and are stopped when it stops.
 */
final class ChildJvms {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroy), "databoost-stop-cells"));
  }

  private ChildJvms() {}

  /**
   * Runs {@code databoost ARGS...} in a child JVM, output to {@code log}; returns its exit code.
   */
  static int run(List<String> args, Path log) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.databoost.Launcher");
    cmd.addAll(args);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    LIVE.add(p);
    try {
      return p.waitFor();
    } finally {
      LIVE.remove(p);
    }
  }
}

package org.databoost;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.databoost.files.DataDirs;
import org.databoost.training.MklOnAmd;
import org.databoost.training.NativeMemory;

/**
 * Starts the program again in a child JVM whose environment carries {@link NativeMemory}'s
 * allocator settings and, on AMD processors, {@link MklOnAmd}'s shim, for the commands that train
 * or run a network, and which adds the {@code jdk.incubator.vector} module (fast exact
 * nearest-neighbour search) and, for the window, {@link WindowHeap}'s young-generation settings.
 * All of these only work from process start, and a plain {@code java -jar} can set none of them (a
 * manifest cannot add modules or JVM options).
 */
final class Relauncher {
  /** Set in the child so that it never relaunches again. */
  static final String MARKER = "DATABOOST_RELAUNCHED";

  /** First arguments whose commands load the native engine (none: the window). */
  private static final Set<String> NATIVE_COMMANDS =
      Set.of(
          "open",
          "evaluate",
          "bench",
          "embed",
          "map",
          "duplicates",
          "boost",
          "autopilot",
          "train-glyph-embedder");

  /** The incubator module of the JDK Vector API, which the neighbour search uses when present. */
  static final String VECTOR_MODULE = "jdk.incubator.vector";

  private Relauncher() {}

  static boolean wanted(String[] args) {
    boolean nativeWork = args.length == 0 || NATIVE_COMMANDS.contains(args[0]);
    return nativeWork
        && (!NativeMemory.isTuned()
            || vectorModuleMissing()
            || !MklOnAmd.inPlace()
            || windowHeapMissing(args))
        && System.getenv(MARKER) == null
        && !Boolean.getBoolean("databoost.noRelaunch");
  }

  /**
   * Whether this JVM lacks the Vector API module although its runtime has it (a trimmed runtime
   * without it gets no option that would stop the child from starting).
   */
  static boolean vectorModuleMissing() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()
        && ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent();
  }

  /** Whether these arguments start the window in a JVM without {@link WindowHeap}'s options. */
  static boolean windowHeapMissing(String[] args) {
    return WindowHeap.forWindow(args)
        && !WindowHeap.options(ManagementFactory.getRuntimeMXBean().getInputArguments()).isEmpty();
  }

  /** The MKL-on-AMD shim as a file: in the user data folder, else in the temp folder. */
  private static Optional<Path> mklShim() {
    Optional<Path> shim = Optional.empty();
    try {
      shim = MklOnAmd.extract(DataDirs.base().resolve("native"));
    } catch (RuntimeException e) {
      // no usable data folder: try the temp folder
    }
    return shim.isPresent()
        ? shim
        : MklOnAmd.extract(Path.of(System.getProperty("java.io.tmpdir"), "databoost-native"));
  }

  /** Runs the child to its end and returns its exit code; empty when it could not start. */
  static Optional<Integer> run(String[] args) {
    List<String> cmd = new ArrayList<>();
    String installed = System.getProperty("jpackage.app-path");
    String command = ProcessHandle.current().info().command().orElse("java");
    if (installed != null) {
      // An installed copy: its native launcher carries every JVM option.
      cmd.add(installed);
    } else {
      cmd.add(command);
      List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
      cmd.addAll(jvmOptions);
      if (WindowHeap.forWindow(args)) {
        cmd.addAll(WindowHeap.options(jvmOptions));
      }
      if (vectorModuleMissing()) {
        cmd.add("--add-modules=" + VECTOR_MODULE);
      }
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(Launcher.class.getName());
    }
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.INHERIT)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT);
    pb.environment().putAll(NativeMemory.ENVIRONMENT);
    if (!MklOnAmd.inPlace()) {
      mklShim()
          .ifPresent(
              shim ->
                  pb.environment()
                      .put(
                          MklOnAmd.PRELOAD,
                          MklOnAmd.preloadWith(shim, pb.environment().get(MklOnAmd.PRELOAD))));
    }
    // jpackage's Linux launcher marks its own second stage with this variable; inherited, it
    // would make the child launcher hand our arguments to the JVM as if they were its own.
    pb.environment().remove("_JPACKAGE_LAUNCHER");
    pb.environment().put(MARKER, "1");
    pb.environment().put(ParentWatch.PARENT_PID, Long.toString(ProcessHandle.current().pid()));
    try {
      Process child = pb.start();
      Thread errors = NativeNoiseFilter.start(child.getErrorStream(), System.err);
      Thread stopChild = new Thread(child::destroy, "databoost-stop-child");
      Runtime.getRuntime().addShutdownHook(stopChild);
      int code = child.waitFor();
      errors.join(2000);
      try {
        Runtime.getRuntime().removeShutdownHook(stopChild);
      } catch (IllegalStateException shuttingDown) {
        // we are being stopped ourselves; the hook stops the (finished) child, harmlessly
      }
      return Optional.of(code);
    } catch (IOException e) {
      return Optional.empty(); // run in this process, only slower
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(130);
    }
  }
}

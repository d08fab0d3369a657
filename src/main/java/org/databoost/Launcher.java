package org.databoost;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.databoost.app.Workbench;
import org.databoost.cli.CommandLineInterface;
import org.databoost.cli.Window;
import org.databoost.files.DataDirs;

/**
 * The program's entry point. It does not extend a JavaFX {@code Application} (such a main class
 * cannot start from a plain class path): with no arguments it opens the workbench window, with a
 * sub-command it runs the command-line interface.
 */
public final class Launcher {
  /** How long a command may take to stop after its parent died before the child exits anyway. */
  private static final Duration GRACE = Duration.ofSeconds(20);

  /** The JavaFX workbench as the command line sees it ({@code open}, {@code bench ui}). */
  private static final Window WINDOW =
      new Window() {
        @Override
        public void open(Path dataset) {
          Workbench.launch(dataset);
        }

        @Override
        public void benchmark(PrintStream out) throws Exception {
          Workbench.benchmark(out);
        }
      };

  private Launcher() {}

  public static void main(String[] args) {
    if (Relauncher.wanted(args)) {
      Relauncher.run(args).ifPresent(System::exit);
    }
    if (System.getenv(Relauncher.MARKER) != null
        || (args.length > 0 && args[0].equals("train-worker"))) {
      // A relaunched child, or a fold worker, stops with its parent, even one killed with kill -9.
      ParentWatch.start(
          ParentWatch.cancelThenExit(
              CommandLineInterface::cancelRunningCommand, GRACE, System::exit));
    }
    configureRuntime();
    if (args.length == 0) {
      Workbench.launch(null);
      return;
    }
    System.exit(CommandLineInterface.run(args, WINDOW));
  }

  /** Settings that must be in place before any library reads them. */
  static void configureRuntime() {
    // DJL must never reach for the network: the native engine ships in a jar.
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("OPT_OUT_TRACKING", "true");
    setIfAbsent("databoost.logDir", DataDirs.logs().toString());
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}

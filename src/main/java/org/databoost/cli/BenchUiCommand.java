package org.databoost.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The window's heavy paths on the real JavaFX toolkit: the one benchmark that needs a display. */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Sorting 100,000 table rows, redrawing the map at 100,000 and 1,000,000 points, and the"
            + " longest gap between two frames while a model trains, on the real JavaFX toolkit"
            + " (it needs a display: run under xvfb-run on a server).")
final class BenchUiCommand implements Callable<Integer> {
  private final Window window;

  @Spec CommandSpec spec;

  BenchUiCommand(Window window) {
    this.window = window;
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = WriterStreams.of(spec.commandLine().getOut());
    window.benchmark(out);
    out.flush();
    return ExitCodes.OK;
  }
}

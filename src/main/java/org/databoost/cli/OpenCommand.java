package org.databoost.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Opens the workbench window on a dataset folder. */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Open the workbench window on a dataset folder (default: the sample dataset).")
final class OpenCommand implements Runnable {
  private final Consumer<Path> windowOpener;

  @Parameters(arity = "0..1", paramLabel = "DIR", description = "The dataset folder.")
  Path dir;

  OpenCommand(Consumer<Path> windowOpener) {
    this.windowOpener = windowOpener;
  }

  @Override
  public void run() {
    windowOpener.accept(dir);
  }
}

package org.databoost.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: without a sub-command it prints the usage. */
@Command(
    name = "databoost",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Databoost: a workbench for data-centric machine learning.",
      "Run without arguments to open the workbench window on the built-in sample dataset."
    },
    subcommands = {})
public final class DataboostCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

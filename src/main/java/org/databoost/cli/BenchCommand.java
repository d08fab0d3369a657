package org.databoost.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Benchmarks: commands that print figures measured on this machine. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Measure speed and quality on a dataset and print the figures.",
    subcommands = {
      BenchTrainCommand.class,
      BenchLabelErrorsCommand.class,
      BenchEmbedCommand.class,
      BenchBoostCommand.class,
      BenchAutopilotCommand.class,
      BenchUmapCommand.class,
      BenchKnnCommand.class,
      BenchCorpusCommand.class
    })
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

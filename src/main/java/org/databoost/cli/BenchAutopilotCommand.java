package org.databoost.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.databoost.autopilot.bench.AutopilotBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The autopilot measured on a private holdout, with its ablation. */
@Command(
    name = "autopilot",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Sets aside a seeded, stratified private holdout of DIR's val images that no step ever"
          + " reads, changes or moves; runs the autopilot per configuration and seed on a copy of"
          + " the rest (in --work); trains with a preset; prints holdout and label-book accuracy"
          + " next to the baseline (no step), the ablation (each step off or on against full) and"
          + " per-stage times. Finished cells are kept in --work: run it again to resume.",
      "Configurations: baseline, full, or full with -STEP / +STEP (clean, relabel, normalise,"
          + " resplit, fill, flips, boost), e.g. full-boost or full+normalise."
    })
final class BenchAutopilotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The dataset (read only; never changed).")
  Path dir;

  @Mixin AutopilotChoices choices;

  @Option(names = "--work", required = true, description = "The benchmark's own folder.")
  Path work;

  @Option(
      names = "--configs",
      split = ",",
      description = "Ablation configurations (default: ${DEFAULT-VALUE}).")
  List<String> configs =
      List.of(
          "baseline",
          "full",
          "full-clean",
          "full+normalise",
          "full-resplit",
          "full-fill",
          "full-boost");

  @Option(names = "--ablation-preset", description = "Training of the ablation (default: quick).")
  String ablationPreset = "quick";

  @Option(
      names = "--headline",
      split = ",",
      description =
          "Configurations also trained with the headline preset (default: baseline,full).")
  List<String> headline = List.of("baseline", "full");

  @Option(names = "--headline-preset", description = "Headline training (default: competition).")
  String headlinePreset = "competition";

  @Option(names = "--seeds", split = ",", description = "Seeds of every cell (default: 1).")
  List<Long> seeds = List.of(1L);

  @Option(names = "--holdout-share", description = "Share of val held out (default: 0.3).")
  double holdoutShare = 0.3;

  @Option(names = "--holdout-seed", description = "Seed of the holdout (default: 1).")
  long holdoutSeed = 1;

  @Option(names = "--jobs", description = "Cells at once, each a child JVM (default: 1).")
  int jobs = 1;

  @Option(names = "--bench-threads", description = "Training threads per cell (default: 1).")
  int benchThreads = 1;

  @Option(
      names = "--reference",
      description = "The configuration the ablation's \"vs\" column compares with (default: full).")
  String reference = "full";

  @Option(names = "--table", description = "Only print the table of the finished cells.")
  boolean tableOnly;

  @Option(names = "--cell", hidden = true, description = "Run one cell here (CONFIG:SEED:PRESETS).")
  String cell;

  @Override
  public Integer call() throws Exception {
    PrintStream out = WriterStreams.of(spec.commandLine().getOut());
    List<String> original = spec.commandLine().getParseResult().originalArgs();
    AutopilotBenchmark b =
        new AutopilotBenchmark(
            dir.toAbsolutePath(),
            work.toAbsolutePath(),
            configs,
            ablationPreset,
            headline,
            headlinePreset,
            seeds,
            holdoutShare,
            holdoutSeed,
            jobs,
            benchThreads,
            choices.options(),
            reference,
            List.copyOf(fullArgs(original)));
    try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      if (cell != null) {
        b.runCell(cell, out, progress);
      } else if (tableOnly) {
        b.printTable(out);
      } else {
        b.run(out, progress);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The arguments of "bench autopilot ..." for a child: the same, from the top. */
  private static List<String> fullArgs(List<String> original) {
    ArrayList<String> a = new ArrayList<>(List.of("bench", "autopilot"));
    a.addAll(original);
    return a;
  }
}

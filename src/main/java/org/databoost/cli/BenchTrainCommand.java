package org.databoost.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.databoost.training.TrainingConfig;
import org.databoost.training.bench.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Training and inference throughput of the fixed model, next to the PyTorch reference. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Training images/s at batch 8 and 64 and inference images/s of the fixed model in DJL,"
          + " side by side with ../shared/reference/fixed_model_torch.py --bench-steps when"
          + " /usr/bin/python3 has torch (apt-get install python3-torch python3-pil).",
      "DJL and the reference take turns; the best of each counts, and the median over the rounds"
          + " of each DJL figure divided by the reference's next to it."
    })
final class BenchTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A dataset with train/ and val/.")
  Path dir;

  @Option(names = "--steps", defaultValue = "200", description = "Timed steps (${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--rounds", defaultValue = "2", description = "Rounds (${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--threads", description = "Intra-op threads (default: cores - 1).")
  Integer threads;

  @Option(names = "--no-reference", description = "Do not run the PyTorch reference.")
  boolean noReference;

  @Override
  public Integer call() throws Exception {
    TrainBenchmark.Options d = TrainBenchmark.Options.defaults();
    TrainBenchmark.Options options =
        new TrainBenchmark.Options(
            steps,
            d.warmup(),
            threads == null ? TrainingConfig.defaultThreads() : threads,
            rounds,
            !noReference);
    PrintStream out = WriterStreams.of(spec.commandLine().getOut());
    TrainBenchmark.run(dir, options, out);
    out.flush();
    return ExitCodes.OK;
  }
}

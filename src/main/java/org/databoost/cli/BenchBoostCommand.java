package org.databoost.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.databoost.boost.PoolGenerator;
import org.databoost.boost.bench.PoolBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Speed of the Boost stages for pool sizes such as 100K and 1M. */
@Command(
    name = "boost",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Time the Boost stages on a dataset without changing it: candidate generation alone,"
            + " generation + embedding, retrieval for every validation image, and rendering.")
final class BenchBoostCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A dataset with train/ and val/.")
  Path dir;

  @Option(
      names = "--candidates",
      split = ",",
      description = "Pool sizes (default: 100000,1000000).")
  List<Integer> candidates = List.of(100_000, 1_000_000);

  @Option(names = "--embedder", description = "Embedder (default: glyph, the offline glyph-v3).")
  String embedder = "glyph";

  @Option(names = "--k", description = "Candidates per validation image (default: 10).")
  int k = 10;

  @Option(names = "--threads", description = "Generator threads (default: all cores).")
  int threads = PoolGenerator.defaultGeneratorThreads();

  @Override
  public Integer call() throws Exception {
    PrintStream out = WriterStreams.of(spec.commandLine().getOut());
    PoolBenchmark.run(dir, candidates, embedder, k, threads, out);
    out.flush();
    return ExitCodes.OK;
  }
}

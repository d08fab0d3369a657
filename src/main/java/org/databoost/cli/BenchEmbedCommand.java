package org.databoost.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.databoost.embedding.bench.EmbedBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** k-NN label accuracy and throughput of every available embedder, side by side. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "For every embedder available offline: k-NN (k="
            + EmbedBenchmark.K
            + ", cosine, majority vote) label accuracy of the validation images with the training"
            + " images as the index, and images/s.")
final class BenchEmbedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A dataset with train/ and val/.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    PrintStream out = WriterStreams.of(spec.commandLine().getOut());
    EmbedBenchmark.run(dir, out);
    out.flush();
    return ExitCodes.OK;
  }
}

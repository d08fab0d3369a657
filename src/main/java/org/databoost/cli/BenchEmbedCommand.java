package org.databoost.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.bench.EmbedBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** k-NN label accuracy and throughput of every available embedder, side by side. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "For every embedder available offline, or those named: k-NN (k="
            + EmbedBenchmark.K
            + ", cosine, majority vote) label accuracy of the validation images with the training"
            + " images as the index, and images/s.")
final class BenchEmbedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A dataset with train/ and val/.")
  Path dir;

  @Option(
      names = "--embedder",
      paramLabel = "NAME",
      description =
          "Measure this embedder (repeatable): glyph, raw-pixels, raw-pixels-32,"
              + " imagenet-resnet50, torchscript:FILE.pt or onnx:FILE.onnx (default: every"
              + " embedder that works offline).")
  List<String> embedders;

  @Mixin InputSpecOptions input;

  @Override
  public Integer call() throws Exception {
    PrintStream out = WriterStreams.of(spec.commandLine().getOut());
    if (embedders == null || embedders.isEmpty()) {
      if (input.given()) {
        throw new ParameterException(
            spec.commandLine(),
            "--input-size, --channels, --mean and --std describe the input of a model file: name"
                + " it with --embedder torchscript:FILE or --embedder onnx:FILE");
      }
      EmbedBenchmark.run(dir, out);
    } else {
      List<Supplier<Embedder>> chosen = new ArrayList<>();
      for (String name : embedders) {
        input.check(name, spec.commandLine());
        chosen.add(() -> input.open(name, spec.commandLine()));
      }
      EmbedBenchmark.run(dir, chosen, out);
    }
    out.flush();
    return ExitCodes.OK;
  }
}

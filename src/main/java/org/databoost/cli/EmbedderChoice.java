package org.databoost.cli;

import org.databoost.embedding.Embedder;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --embedder NAME} and its model-file input options, for the commands that embed once. */
final class EmbedderChoice {
  @Option(
      names = "--embedder",
      defaultValue = "glyph",
      paramLabel = "NAME",
      description =
          "glyph (the offline default), raw-pixels, raw-pixels-32, imagenet-resnet50 (needs a"
              + " one-time download), torchscript:FILE.pt or onnx:FILE.onnx (default:"
              + " ${DEFAULT-VALUE}).")
  String name;

  @Mixin InputSpecOptions input;

  /** Refuses input options the chosen embedder cannot take (a usage error). */
  void check(CommandLine cl) {
    input.check(name, cl);
  }

  /** The chosen embedder; the caller closes it. */
  Embedder open(CommandLine cl) {
    return input.open(name, cl);
  }
}

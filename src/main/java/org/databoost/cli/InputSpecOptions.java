package org.databoost.cli;

import java.util.Locale;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.Embedders;
import org.databoost.embedding.InputSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The input of a {@code torchscript:FILE} or {@code onnx:FILE} model, for every command that takes
 * {@code --embedder}: size, channels, mean and standard deviation ({@link InputSpec}). Without any
 * of them a model file gets ImageNet's input (224x224 RGB, ImageNet mean/std).
 */
final class InputSpecOptions {
  @Option(
      names = "--input-size",
      paramLabel = "N|WxH",
      description =
          "Input of a torchscript: or onnx: model in pixels: N (N x N) or WIDTHxHEIGHT; the whole"
              + " image is squeezed to it (default: 224).")
  String size;

  @Option(
      names = "--channels",
      paramLabel = "1|3",
      description =
          "Input channels of a torchscript: or onnx: model: 3 (RGB) or 1 (gray) (default: 3).")
  Integer channels;

  @Option(
      names = "--mean",
      split = ",",
      paramLabel = "M",
      description =
          "Subtracted from the 0..1 values of each channel of a model file's input: one value per"
              + " channel, or one for all (default: ImageNet's 0.485,0.456,0.406 for 3 channels,"
              + " 0 for 1).")
  float[] mean;

  @Option(
      names = "--std",
      split = ",",
      paramLabel = "S",
      description =
          "Then divides them, per channel: one value per channel, or one for all (default:"
              + " ImageNet's 0.229,0.224,0.225 for 3 channels, 1 for 1).")
  float[] std;

  /** Whether any input option was given. */
  boolean given() {
    return size != null || channels != null || mean != null || std != null;
  }

  /**
   * Refuses input options for an embedder that prepares its own input.
   *
   * @throws ParameterException a usage error
   */
  void check(String embedder, CommandLine cl) {
    if (given() && !Embedders.takesInputSpec(embedder)) {
      throw new ParameterException(
          cl,
          "--input-size, --channels, --mean and --std describe the input of a torchscript:FILE or"
              + " onnx:FILE model; the embedder '"
              + embedder
              + "' prepares its own input");
    }
  }

  /** The embedder called {@code name} with these input options; the caller closes it. */
  Embedder open(String name, CommandLine cl) {
    check(name, cl);
    return Embedders.byName(name, spec(cl));
  }

  /**
   * The input spec, or null when no option was given.
   *
   * @throws ParameterException for a size, channel count or mean/std that does not make a spec
   */
  InputSpec spec(CommandLine cl) {
    if (!given()) {
      return null;
    }
    try {
      int width = 224;
      int height = 224;
      if (size != null) {
        String[] parts = size.toLowerCase(Locale.ROOT).split("x", -1);
        if (parts.length > 2) {
          throw new IllegalArgumentException("--input-size wants N or WIDTHxHEIGHT, got " + size);
        }
        width = Integer.parseInt(parts[0].strip());
        height = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : width;
      }
      return InputSpec.withDefaults(width, height, channels == null ? 3 : channels, mean, std);
    } catch (NumberFormatException e) {
      throw new ParameterException(cl, "--input-size wants N or WIDTHxHEIGHT, got " + size);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "invalid model input: " + e.getMessage());
    }
  }
}

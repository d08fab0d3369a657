package org.databoost.embedding;

import java.nio.file.Path;
import java.util.List;

/** Builds an embedder from the short name a user types. */
public final class Embedders {
  /** Prefix of a user's TorchScript file; the rest is its path. */
  public static final String TORCHSCRIPT_PREFIX = "torchscript:";

  /** Prefix of a user's ONNX file; the rest is its path. */
  public static final String ONNX_PREFIX = "onnx:";

  /**
   * The names {@link #byName} knows, for help texts; {@code torchscript:PATH} and {@code onnx:PATH}
   * take a path.
   */
  public static final List<String> NAMES =
      List.of(
          "glyph",
          "raw-pixels",
          "raw-pixels-32",
          "imagenet-resnet50",
          "torchscript:PATH",
          "onnx:PATH");

  private Embedders() {}

  /** {@link #byName(String, InputSpec)} with ImageNet input for a model file. */
  public static Embedder byName(String name) {
    return byName(name, null);
  }

  /**
   * The embedder called {@code name}: {@code glyph} (the offline default), {@code raw-pixels}
   * (16x16), {@code raw-pixels-32}, {@code imagenet-resnet50} (DJL's model zoo; needs the cache or
   * network), {@code torchscript:PATH} or {@code onnx:PATH} (a local model file). The caller closes
   * it.
   *
   * @param spec how a model file's input is prepared; null gives {@link InputSpec#imageNet()}. Only
   *     model files take one: the other embedders have their own input.
   * @throws IllegalArgumentException for an unknown name (naming the known ones), a spec for an
   *     embedder that takes none, or a model file that cannot be used
   */
  public static Embedder byName(String name, InputSpec spec) {
    if (spec != null && !takesInputSpec(name)) {
      throw new IllegalArgumentException(
          "an input spec describes the input of a "
              + TORCHSCRIPT_PREFIX
              + "PATH or "
              + ONNX_PREFIX
              + "PATH model; the embedder '"
              + name
              + "' prepares its own input");
    }
    InputSpec input = spec == null ? InputSpec.imageNet() : spec;
    if (name.startsWith(TORCHSCRIPT_PREFIX)) {
      return TorchScriptEmbedder.load(path(name, TORCHSCRIPT_PREFIX, "model.pt"), input);
    }
    if (name.startsWith(ONNX_PREFIX)) {
      return OnnxEmbedder.load(path(name, ONNX_PREFIX, "model.onnx"), input);
    }
    return switch (name) {
      case "glyph" -> GlyphEmbedder.load();
      case "raw-pixels" -> new RawPixelEmbedder();
      case "raw-pixels-32" -> new RawPixelEmbedder(32);
      case "imagenet-resnet50" -> ImageNetResNetEmbedder.load();
      default ->
          throw new IllegalArgumentException(
              "unknown embedder '" + name + "'; known: " + String.join(", ", NAMES));
    };
  }

  /** Whether {@code name} is a model file whose input an {@link InputSpec} describes. */
  public static boolean takesInputSpec(String name) {
    return name.startsWith(TORCHSCRIPT_PREFIX) || name.startsWith(ONNX_PREFIX);
  }

  private static Path path(String name, String prefix, String example) {
    String path = name.substring(prefix.length());
    if (path.isBlank()) {
      throw new IllegalArgumentException(prefix + " needs a file path, e.g. " + prefix + example);
    }
    return Path.of(path);
  }
}

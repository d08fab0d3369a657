package org.databoost.embedding;

import java.nio.file.Path;
import java.util.List;

/** Builds an embedder from the short name a user types. */
public final class Embedders {
  /** Prefix of a user's TorchScript file; the rest is its path. */
  public static final String TORCHSCRIPT_PREFIX = "torchscript:";

  /** The names {@link #byName} knows, for help texts; {@code torchscript:PATH} takes a path. */
  public static final List<String> NAMES =
      List.of("glyph", "raw-pixels", "raw-pixels-32", "imagenet-resnet50", "torchscript:PATH");

  private Embedders() {}

  /**
   * The embedder called {@code name}: {@code glyph} (the offline default), {@code raw-pixels}
   * (16x16), {@code raw-pixels-32}, {@code imagenet-resnet50} (DJL's model zoo; needs the cache or
   * network) or {@code torchscript:PATH} (a local file with ImageNet input, {@link
   * InputSpec#imageNet()}). The caller closes it.
   *
   * @throws IllegalArgumentException for an unknown name, naming the known ones
   */
  public static Embedder byName(String name) {
    if (name.startsWith(TORCHSCRIPT_PREFIX)) {
      String path = name.substring(TORCHSCRIPT_PREFIX.length());
      if (path.isBlank()) {
        throw new IllegalArgumentException(
            "torchscript: needs a file path, e.g. torchscript:model.pt");
      }
      return TorchScriptEmbedder.load(Path.of(path), InputSpec.imageNet());
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
}

package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddersTest {

  @ParameterizedTest
  @CsvSource({"glyph, glyph-v3", "raw-pixels, raw-pixels-16-v1", "raw-pixels-32, raw-pixels-32-v1"})
  void offlineNamesGiveTheirEmbedder(String name, String embedderName) {
    try (Embedder embedder = Embedders.byName(name)) {
      assertEquals(embedderName, embedder.name());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "resnet", "Glyph", "torchscript:", "onnx:"})
  void unknownOrIncompleteNamesAreRefusedNamingTheKnownOnes(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Embedders.byName(name));
    assertTrue(
        e.getMessage().contains(name.startsWith("onnx") ? "onnx:" : "torchscript:"),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"glyph", "raw-pixels", "imagenet-resnet50"})
  void onlyModelFilesTakeAnInputSpec(String name) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Embedders.byName(name, InputSpec.withDefaults(28, 28, 1, null, null)));
    assertTrue(e.getMessage().contains("'" + name + "' prepares its own input"), e.getMessage());
    assertTrue(Embedders.takesInputSpec("onnx:m.onnx"));
    assertTrue(Embedders.takesInputSpec("torchscript:m.pt"));
  }
}

package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddersTest {

  @ParameterizedTest
  @CsvSource({"glyph, glyph-v1", "raw-pixels, raw-pixels-16-v1", "raw-pixels-32, raw-pixels-32-v1"})
  void offlineNamesGiveTheirEmbedder(String name, String embedderName) {
    try (Embedder embedder = Embedders.byName(name)) {
      assertEquals(embedderName, embedder.name());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "resnet", "Glyph", "torchscript:"})
  void unknownOrIncompleteNamesAreRefusedNamingTheKnownOnes(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Embedders.byName(name));
    assertTrue(e.getMessage().contains("torchscript:"), e.getMessage());
  }
}

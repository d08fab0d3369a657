package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.databoost.training.TorchEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zoo model can never download here: the offline failure is what can be tested. */
class ImageNetResNetEmbedderTest {
  private static final String CACHE = "DJL_CACHE_DIR";

  @TempDir Path emptyCache;
  private String previousCache;
  private String previousOffline;

  @BeforeEach
  void offlineWithAnEmptyCache() {
    TorchEngine.start(1); // the engine's natives stay where they are
    previousCache = System.getProperty(CACHE);
    previousOffline = System.getProperty("ai.djl.offline");
    System.setProperty(CACHE, emptyCache.toString());
    System.setProperty("ai.djl.offline", "true");
  }

  @AfterEach
  void restore() {
    restore(CACHE, previousCache);
    restore("ai.djl.offline", previousOffline);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  void offlineWithoutTheCachedModelFailsAtOnceNamingTheAlternatives() {
    long start = System.nanoTime();
    ModelNotCachedException e =
        assertThrows(ModelNotCachedException.class, ImageNetResNetEmbedder::load);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertTrue(millis < 5_000, "took " + millis + " ms");
    String m = e.getMessage();
    assertTrue(m.contains("not in DJL's model cache (" + emptyCache), m);
    assertTrue(m.contains("-Dai.djl.offline=false"), m);
    assertTrue(m.contains("glyph-v3"), m);
    assertTrue(m.contains("raw-pixels"), m);
    assertTrue(m.contains("torchscript:PATH"), m);
  }

  @Test
  void byNameGivesTheSameFailure() {
    ModelNotCachedException e =
        assertThrows(ModelNotCachedException.class, () -> Embedders.byName("imagenet-resnet50"));
    assertEquals(ImageNetResNetEmbedder.notCachedMessage(), e.getMessage());
  }

  @Test
  void theCacheCountsOnlyWithTheIndexAndTheNetworkFile() throws Exception {
    Path folder = ImageNetResNetEmbedder.cacheFolder();
    assertTrue(folder.startsWith(emptyCache));
    assertFalse(ImageNetResNetEmbedder.isCached());
    Files.createDirectories(folder.resolve("0.0.1/50/imagenet"));
    Files.writeString(folder.resolve("metadata.json"), "{}");
    assertFalse(ImageNetResNetEmbedder.isCached());
    Files.writeString(folder.resolve("0.0.1/50/imagenet/traced_resnet50.pt"), "x");
    assertTrue(ImageNetResNetEmbedder.isCached());
  }
}

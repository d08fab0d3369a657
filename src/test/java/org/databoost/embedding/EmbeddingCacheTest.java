package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.ImageEntry;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
  @TempDir static Path data;
  static DatasetScan scan;

  @BeforeAll
  static void generate() throws IOException {
    scan = GlyphSamples.numerals(data.resolve("numerals"), 11, 4);
  }

  /** Raw pixels, counting the files it is asked to embed. */
  static final class CountingEmbedder implements Embedder {
    final RawPixelEmbedder inner = new RawPixelEmbedder(8);
    int files;

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }

    @Override
    public float[][] embed(List<Path> paths, Progress progress) {
      files += paths.size();
      return inner.embed(paths, progress);
    }

    @Override
    public float[][] embedImages(List<BufferedImage> images, Progress progress) {
      return inner.embedImages(images, progress);
    }
  }

  @Test
  void reopenedCacheReturnsTheSameVectorsAndComputesOnlyMissingHashes(@TempDir Path state)
      throws IOException {
    List<ImageEntry> all = scan.images();
    List<ImageEntry> half = all.subList(0, all.size() / 2);
    CountingEmbedder embedder = new CountingEmbedder();

    EmbeddingCache.Result first =
        new EmbeddingCache(state).embeddings(embedder, scan.root(), half, Progress.NONE);
    assertEquals(half.size(), first.computed());
    assertEquals(half.size(), embedder.files);

    EmbeddingCache.Result second =
        new EmbeddingCache(state).embeddings(embedder, scan.root(), all, Progress.NONE);
    assertEquals(all.size() - half.size(), second.computed());
    assertEquals(all.size(), embedder.files);

    EmbeddingCache.Result third =
        new EmbeddingCache(state).embeddings(embedder, scan.root(), all, Progress.NONE);
    assertEquals(0, third.computed());
    assertEquals(all.size(), embedder.files);
    float[][] direct = new RawPixelEmbedder(8).embed(GlyphSamples.files(scan), Progress.NONE);
    for (int i = 0; i < all.size(); i++) {
      assertArrayEquals(direct[i], third.vectors()[i], 1e-7f);
    }
    for (int i = 0; i < half.size(); i++) {
      assertArrayEquals(first.vectors()[i], third.vectors()[i], 0f);
    }
    Path dir = EmbeddingStore.folder(state, embedder.name());
    assertEquals(16 + 4L * 64 * all.size(), Files.size(dir.resolve(EmbeddingStore.MATRIX)));
  }

  @Test
  void theSameContentTwiceIsComputedOnce(@TempDir Path state) throws IOException {
    ImageEntry one = scan.images().get(0);
    CountingEmbedder embedder = new CountingEmbedder();
    EmbeddingCache.Result r =
        new EmbeddingCache(state)
            .embeddings(embedder, scan.root(), List.of(one, one), Progress.NONE);
    assertEquals(1, r.computed());
    assertArrayEquals(r.vectors()[0], r.vectors()[1], 0f);
  }

  @Test
  void aCancelledRunStoresNothingHalfDoneAndTheNextRunFinishes(@TempDir Path state)
      throws IOException {
    CountingEmbedder embedder = new CountingEmbedder();
    EmbeddingCache cache = new EmbeddingCache(state);
    assertThrows(
        CancelledException.class,
        () -> cache.embeddings(embedder, scan.root(), scan.images(), new RecordingProgress(0)));
    EmbeddingCache.Result r = cache.embeddings(embedder, scan.root(), scan.images(), Progress.NONE);
    assertEquals(scan.images().size(), r.computed());
  }

  @Test
  void rowsWrittenAfterTheLastCommitAreIgnored(@TempDir Path state) throws IOException {
    float[] a = Vectors.normalise(new float[] {1, 2, 3});
    try (EmbeddingStore store = EmbeddingStore.open(state, "test-v1", 3)) {
      store.append(List.of("aa"), new float[][] {a});
    }
    Path dir = EmbeddingStore.folder(state, "test-v1");
    // A crash after writing data and hash lines but before the header was raised:
    Files.write(dir.resolve(EmbeddingStore.MATRIX), new byte[12], StandardOpenOption.APPEND);
    Files.writeString(dir.resolve(EmbeddingStore.HASHES), "bb\n", StandardOpenOption.APPEND);
    try (EmbeddingStore store = EmbeddingStore.open(state, "test-v1", 3)) {
      assertEquals(1, store.size());
      assertTrue(store.contains("aa"));
      assertEquals(null, store.get("bb"));
      float[] b = {0, 1, 0};
      store.append(List.of("bb"), new float[][] {b});
      assertArrayEquals(b, store.get("bb"), 0f);
    }
    try (EmbeddingStore store = EmbeddingStore.open(state, "test-v1", 3)) {
      assertEquals(2, store.size());
      assertArrayEquals(a, store.get("aa"), 0f);
      assertEquals("aa\nbb\n", Files.readString(dir.resolve(EmbeddingStore.HASHES)));
    }
  }

  @Test
  void anotherDimensionIsRefused(@TempDir Path state) throws IOException {
    try (EmbeddingStore store = EmbeddingStore.open(state, "test-v1", 3)) {
      store.append(List.of("aa"), new float[][] {{1, 0, 0}});
    }
    assertThrows(IOException.class, () -> EmbeddingStore.open(state, "test-v1", 4));
    assertThrows(IllegalArgumentException.class, () -> EmbeddingStore.folder(state, "../evil"));
  }
}

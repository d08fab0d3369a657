package org.databoost.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.RawPixelEmbedder;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table of precomputed embeddings registered for a corpus writes the same store as embedding the
 * images here: the vectors of an in-process embedding, exported as a table in another order and
 * imported into a second registration of the same folder, give byte-identical shards and the same
 * manifests; an image without a row gets a NaN row and says so; a table that disagrees with its
 * paths or the embedder is refused before anything is written.
 */
class VectorImportTest {
  @TempDir Path tmp;
  private Path images;
  private CorpusRegistry registry;
  private final Embedder embedder = new RawPixelEmbedder();

  @BeforeEach
  void corpus() throws IOException {
    images = CorpusFixtures.labelled(tmp.resolve("images"), 3, 10, 7);
    registry = new CorpusRegistry(tmp.resolve("corpora"));
  }

  private Corpus add(String name) throws IOException {
    return registry.add(name, images, CorpusRegistry.Labels.parse("auto"), 7, Progress.NONE);
  }

  /** Every embedded row of the store, written as a table in reverse row order. */
  private List<String> exportReversed(ShardStore s, Path npy, Path paths, String skip)
      throws IOException {
    List<String> names = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    for (int shard = 0; shard < s.shards(); shard++) {
      Vectors v = s.vectors(shard);
      List<ManifestRow> m = s.manifestRows(shard);
      for (int r = 0; r < m.size(); r++) {
        if (!m.get(r).path().equals(skip)) {
          names.add(0, m.get(r).path());
          rows.add(0, v.row(r));
        }
      }
    }
    float[] data = new float[rows.size() * s.dim()];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, data, i * s.dim(), s.dim());
    }
    try (OutputStream out = Files.newOutputStream(npy)) {
      NpyFile.write(data, rows.size(), s.dim(), out);
    }
    List<String> lines = new ArrayList<>(List.of("path"));
    lines.addAll(names);
    Files.write(paths, lines);
    return names;
  }

  @Test
  void importedVectorsMakeTheSameStoreAsEmbeddingHere() throws IOException {
    ShardStore embedded =
        new CorpusEmbedding(DiskSpace.REAL)
            .run(add("here"), embedder, false, Progress.NONE)
            .store();
    Path npy = tmp.resolve("table.npy");
    Path paths = tmp.resolve("paths.txt");
    exportReversed(embedded, npy, paths, null);

    Corpus c = add("imported");
    VectorImport.Outcome o =
        VectorImport.run(
            c, embedder.name(), embedder.dimension(), npy, paths, DiskSpace.REAL, Progress.NONE);
    assertEquals(30, o.rowsImported());
    assertEquals(0, o.rowsMissing());
    assertEquals(0, o.unused());
    assertTrue(o.store().complete());
    assertEquals(List.of(embedder.name()), ShardStore.embedders(c));
    for (int s = 0; s < embedded.shards(); s++) {
      assertArrayEquals(
          Files.readAllBytes(embedded.npy(s)), Files.readAllBytes(o.store().npy(s)), "shard " + s);
      assertEquals(embedded.manifestRows(s), o.store().manifestRows(s), "manifest " + s);
    }
    // Nothing is pending any more: a second run writes nothing.
    assertEquals(
        0,
        VectorImport.run(
                c, embedder.name(), embedder.dimension(), npy, paths, DiskSpace.REAL, Progress.NONE)
            .shardsWritten());
  }

  @Test
  void anImageWithoutARowGetsANanRowAndSaysSo() throws IOException {
    ShardStore embedded =
        new CorpusEmbedding(DiskSpace.REAL)
            .run(add("here"), embedder, false, Progress.NONE)
            .store();
    String left = embedded.manifestRows(0).get(2).path();
    Path npy = tmp.resolve("table.npy");
    Path paths = tmp.resolve("paths.txt");
    List<String> names = exportReversed(embedded, npy, paths, left);
    assertEquals(29, names.size());

    VectorImport.Outcome o =
        VectorImport.run(
            add("partial"),
            embedder.name(),
            embedder.dimension(),
            npy,
            paths,
            DiskSpace.REAL,
            Progress.NONE);
    assertEquals(29, o.rowsImported());
    assertEquals(1, o.rowsMissing());
    ManifestRow m = o.store().manifestRows(0).get(2);
    assertEquals(left, m.path());
    assertEquals(VectorImport.NO_VECTOR, m.status());
    assertTrue(Float.isNaN(o.store().vectors(0).get(2, 0)));
    assertEquals(embedded.manifestRows(0).get(2).sha256(), m.sha256(), "hashed all the same");
  }

  @Test
  void aTableThatDisagreesIsRefusedBeforeAnythingIsWritten() throws IOException {
    ShardStore embedded =
        new CorpusEmbedding(DiskSpace.REAL)
            .run(add("here"), embedder, false, Progress.NONE)
            .store();
    Path npy = tmp.resolve("table.npy");
    Path paths = tmp.resolve("paths.txt");
    List<String> names = exportReversed(embedded, npy, paths, null);
    Corpus c = add("refused");

    Files.write(paths, names.subList(0, 29));
    CorpusException rows =
        assertThrows(
            CorpusException.class,
            () ->
                VectorImport.run(
                    c,
                    embedder.name(),
                    embedder.dimension(),
                    npy,
                    paths,
                    DiskSpace.REAL,
                    Progress.NONE));
    assertTrue(
        rows.getMessage().contains("30 rows but paths.txt lists 29 paths"), rows.getMessage());

    Files.write(paths, names);
    CorpusException dim =
        assertThrows(
            CorpusException.class,
            () -> VectorImport.run(c, "other-model", 7, npy, paths, DiskSpace.REAL, Progress.NONE));
    assertTrue(dim.getMessage().contains("makes 7-d ones"), dim.getMessage());

    List<String> twice = new ArrayList<>(names);
    twice.set(1, twice.get(0));
    Files.write(paths, twice);
    assertThrows(
        CorpusException.class,
        () ->
            VectorImport.run(
                c,
                embedder.name(),
                embedder.dimension(),
                npy,
                paths,
                DiskSpace.REAL,
                Progress.NONE));
    assertTrue(ShardStore.embedders(c).isEmpty(), "no store was written");
  }
}

package org.databoost.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.databoost.dataset.ProblemKind;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.RawPixelEmbedder;
import org.databoost.neighbors.Vectors;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusEmbeddingTest {
  @TempDir Path tmp;
  private Path images;
  private CorpusRegistry registry;
  private final Embedder embedder = new RawPixelEmbedder();

  @BeforeEach
  void corpus() throws IOException {
    images = CorpusFixtures.labelled(tmp.resolve("images"), 3, 10, 7);
    Files.write(images.resolve("label1/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1});
    Files.writeString(images.resolve("label2/notes.txt"), "not an image");
    registry = new CorpusRegistry(tmp.resolve("corpora"));
  }

  private Corpus add(String name) throws IOException {
    return registry.add(name, images, CorpusRegistry.Labels.parse("auto"), 7, Progress.NONE);
  }

  private CorpusEmbedding.Outcome embed(Corpus c, Progress p) throws IOException {
    return new CorpusEmbedding(DiskSpace.REAL).run(c, embedder, false, p);
  }

  @Test
  void embedsEveryImageIntoShardsAndReportsTheCorruptFile() throws IOException {
    Corpus c = add("small");
    assertEquals(31, c.rows());
    assertEquals(1, c.ignored());
    assertEquals("folders", c.labels());
    assertEquals("labels from folders", c.labelsText());
    assertEquals(5, c.shards());
    CorpusEmbedding.Outcome o = embed(c, Progress.NONE);
    assertEquals(30, o.rowsEmbedded());
    assertEquals(1, o.rowsFailed());
    assertEquals(1, o.problems().size());
    assertEquals("label1/broken.png", o.problems().get(0).path().toString());
    assertTrue(o.problems().get(0).kind().severity() == ProblemKind.CORRUPT.severity());
    ShardStore s = o.store();
    assertTrue(s.complete());
    NpyFile.Header h = NpyFile.readHeader(s.npy(0));
    assertEquals(7, h.rows());
    assertEquals(embedder.dimension(), h.dim());
    assertEquals(0, h.dataOffset() % 64);
    assertEquals(3, NpyFile.readHeader(s.npy(4)).rows());
    ManifestRow broken = null;
    for (int i = 0; i < s.shards(); i++) {
      for (ManifestRow r : s.manifestRows(i)) {
        if (r.path().equals("label1/broken.png")) {
          broken = r;
          Vectors v = s.vectors(i);
          assertTrue(Float.isNaN(v.get((int) (r.row() % 7), 0)));
        } else {
          assertTrue(r.ok(), r.toString());
          assertEquals(r.path().substring(0, 6), r.label());
          assertEquals(64, r.sha256().length());
        }
      }
    }
    assertFalse(broken.ok());
  }

  @Test
  void aRunInterruptedMidWayResumesToTheSameStore() throws IOException {
    Corpus whole = add("whole");
    embed(whole, Progress.NONE);

    Corpus parts = add("parts");
    AtomicInteger embedded = new AtomicInteger();
    Progress cancelLater =
        new Progress() {
          @Override
          public void update(String stage, long done, long total) {
            if (stage.equals(CorpusEmbedding.STAGE)) {
              embedded.set((int) done);
            }
          }

          @Override
          public boolean isCancelled() {
            return embedded.get() >= 14; // two shards of seven written
          }
        };
    assertThrows(CancelledException.class, () -> embed(parts, cancelLater));
    ShardStore half = ShardStore.read(parts, embedder.name());
    int doneBefore = half.doneCount();
    assertTrue(doneBefore > 0 && doneBefore < half.shards(), "" + doneBefore);

    CorpusEmbedding.Outcome resumed = embed(parts, Progress.NONE);
    assertEquals(doneBefore, resumed.shardsBefore());
    assertEquals(half.shards() - doneBefore, resumed.shardsWritten());
    ShardStore a = ShardStore.read(whole, embedder.name());
    for (int i = 0; i < a.shards(); i++) {
      assertArrayEquals(Files.readAllBytes(a.npy(i)), Files.readAllBytes(half.npy(i)), "npy " + i);
      assertEquals(
          Files.readString(a.manifest(i)), Files.readString(half.manifest(i)), "manifest " + i);
    }
  }

  @Test
  void aChangedOrVanishedImageIsFoundByItsHashAndRefreshEmbedsItsShardAgain() throws IOException {
    Corpus c = add("changing");
    embed(c, Progress.NONE);
    Path changed = images.resolve("label0/img003.png");
    CorpusFixtures.image(changed, new Random(99), 2);
    Files.delete(images.resolve("label2/img009.png"));

    CorpusException e = assertThrows(CorpusException.class, () -> embed(c, Progress.NONE));
    assertTrue(e.getMessage().contains("1 image(s) changed, 1 vanished"), e.getMessage());
    assertTrue(e.getMessage().contains("label0/img003.png: content changed"), e.getMessage());
    assertTrue(e.getMessage().contains("--refresh"), e.getMessage());

    CorpusEmbedding.Outcome o = new CorpusEmbedding(DiskSpace.REAL).run(c, embedder, true, null_());
    assertEquals(2, o.shardsWritten());
    assertTrue(CorpusCheck.check(o.store(), Progress.NONE).vanished().isEmpty());
    assertTrue(CorpusCheck.check(o.store(), Progress.NONE).changed().isEmpty());
  }

  private static Progress null_() {
    return Progress.NONE;
  }

  @Test
  void aVanishedFolderIsSaidPlainly() throws IOException {
    Corpus c = add("gone");
    embed(c, Progress.NONE);
    Files.move(images, tmp.resolve("elsewhere"));
    CorpusException e = assertThrows(CorpusException.class, () -> embed(c, Progress.NONE));
    assertTrue(e.getMessage().contains("is gone"), e.getMessage());
  }

  @Test
  void tooLittleDiskIsRefusedBeforeAnythingIsWritten() throws IOException {
    Corpus c = add("full");
    DiskSpace.NotEnoughSpaceException e =
        assertThrows(
            DiskSpace.NotEnoughSpaceException.class,
            () -> new CorpusEmbedding(dir -> 1000).run(c, embedder, false, Progress.NONE));
    assertTrue(e.getMessage().startsWith("Not enough disk space"), e.getMessage());
    assertTrue(e.getMessage().contains("only 1.0 KB is free"), e.getMessage());
    ShardStore s = ShardStore.read(c, embedder.name());
    assertEquals(0, s.doneCount());
    try (var files = Files.list(s.dir())) {
      assertEquals(
          List.of("store.properties"), files.map(f -> f.getFileName().toString()).toList());
    }
  }

  @Test
  void labelsComeFromACsvWhenGiven() throws IOException {
    Path csv = tmp.resolve("labels.csv");
    Files.writeString(csv, "path,label\nlabel0/img000.png,zero\n\"label1/img001.png\",one\n");
    Corpus c =
        registry.add(
            "csv", images, CorpusRegistry.Labels.parse(csv.toString()), 100, Progress.NONE);
    assertEquals("csv", c.labels());
    assertEquals("labels from a CSV", c.labelsText());
    List<Listing.Row> rows = Listing.shard(c.dir(), 0, 100, true);
    assertEquals(
        "zero",
        rows.stream()
            .filter(r -> r.path().equals("label0/img000.png"))
            .findFirst()
            .orElseThrow()
            .label());
    assertEquals(
        "",
        rows.stream()
            .filter(r -> r.path().equals("label0/img001.png"))
            .findFirst()
            .orElseThrow()
            .label());
  }

  @Test
  void theRegistryListsRefusesAClashingNameAndRemovesOnlyItsOwnFolder() throws IOException {
    add("one");
    assertEquals(List.of("one"), registry.list().stream().map(Corpus::name).toList());
    Path other = Files.createDirectories(tmp.resolve("other"));
    CorpusException clash =
        assertThrows(
            CorpusException.class,
            () ->
                registry.add("one", other, CorpusRegistry.Labels.parse("none"), 10, Progress.NONE));
    assertTrue(clash.getMessage().contains("already lists"), clash.getMessage());
    assertThrows(CorpusException.class, () -> registry.get("two"));
    assertThrows(CorpusException.class, () -> registry.get("../x"));
    registry.remove("one");
    assertTrue(registry.list().isEmpty());
    assertTrue(Files.exists(images.resolve("label0/img000.png")));
  }
}

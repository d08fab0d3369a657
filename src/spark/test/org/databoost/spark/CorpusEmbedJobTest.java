package org.databoost.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.apache.spark.api.java.JavaSparkContext;
import org.databoost.corpus.Corpus;
import org.databoost.corpus.CorpusEmbedding;
import org.databoost.corpus.CorpusRegistry;
import org.databoost.corpus.DiskSpace;
import org.databoost.corpus.ShardStore;
import org.databoost.embedding.RawPixelEmbedder;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job on local[2] with small data: the same store as the in-process embedding. */
class CorpusEmbedJobTest {
  @TempDir Path tmp;

  @Test
  void sparkLocalModeFinishesAnInterruptedStoreAndWritesWhatTheAppWrites() throws IOException {
    Path images = tmp.resolve("images");
    Random rnd = new Random(11);
    for (int l = 0; l < 3; l++) {
      Path dir = Files.createDirectories(images.resolve("l" + l));
      for (int i = 0; i < 15; i++) {
        BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < 60; p++) {
          img.getRaster().setSample(rnd.nextInt(20), rnd.nextInt(20), 0, 255);
        }
        ImageIO.write(img, "png", dir.resolve(i + ".png").toFile());
      }
    }
    Files.writeString(images.resolve("l1/corrupt.png"), "nope");
    Path root = tmp.resolve("corpora");
    CorpusRegistry registry = new CorpusRegistry(root);
    RawPixelEmbedder embedder = new RawPixelEmbedder();
    Corpus inProcess =
        registry.add("app", images, CorpusRegistry.Labels.parse("auto"), 8, Progress.NONE);
    new CorpusEmbedding(DiskSpace.REAL).run(inProcess, embedder, false, Progress.NONE);

    // A run of the app that stopped after two shards; Spark writes the rest.
    Corpus viaSpark =
        registry.add("spark", images, CorpusRegistry.Labels.parse("auto"), 8, Progress.NONE);
    AtomicLong done = new AtomicLong();
    Progress stopAfterTwo =
        new Progress() {
          @Override
          public void update(String stage, long d, long total) {
            if (stage.equals(CorpusEmbedding.STAGE)) {
              done.set(d);
            }
          }

          @Override
          public boolean isCancelled() {
            return done.get() >= 16;
          }
        };
    try {
      new CorpusEmbedding(DiskSpace.REAL).run(viaSpark, embedder, false, stopAfterTwo);
    } catch (CancelledException expected) {
      // as planned
    }
    assertEquals(2, ShardStore.read(viaSpark, embedder.name()).doneCount());

    CorpusEmbedJob.Outcome o;
    try (JavaSparkContext sc = new JavaSparkContext(CorpusEmbedJob.conf("local[2]"))) {
      o = CorpusEmbedJob.run(sc, root, "spark", "raw-pixels", Progress.NONE);
    }
    assertEquals(2, o.shardsBefore());
    assertEquals(4, o.shardsWritten());
    assertEquals(30, o.rows());
    assertEquals(29, o.embedded());

    ShardStore a = ShardStore.read(inProcess, embedder.name());
    ShardStore b = ShardStore.read(viaSpark, embedder.name());
    assertTrue(b.complete());
    for (int s = 0; s < a.shards(); s++) {
      assertArrayEquals(Files.readAllBytes(a.npy(s)), Files.readAllBytes(b.npy(s)), "shard " + s);
      assertEquals(Files.readString(a.manifest(s)), Files.readString(b.manifest(s)));
    }
  }
}

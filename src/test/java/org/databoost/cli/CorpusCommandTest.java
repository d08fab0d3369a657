package org.databoost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.databoost.corpus.NpyFile;
import org.databoost.embedding.RawPixelEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusCommandTest {
  @TempDir Path tmp;

  @Test
  void addListInfoSearchAndRemoveACorpus() throws IOException {
    Random rnd = new Random(5);
    for (String label : new String[] {"a", "b"}) {
      Path dir = Files.createDirectories(tmp.resolve("imgs").resolve(label));
      for (int i = 0; i < 12; i++) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < 40; p++) {
          img.getRaster().setSample(rnd.nextInt(16), rnd.nextInt(16), 0, 255);
        }
        ImageIO.write(img, "png", dir.resolve(i + ".png").toFile());
      }
    }
    Files.writeString(tmp.resolve("imgs/b/bad.png"), "not a png");
    String name = "cli-" + System.nanoTime();
    String root = tmp.resolve("imgs").toString();

    CliRun add =
        CliRun.of("corpus", "add", name, root, "--embedder", "raw-pixels", "--shard-rows", "10");
    assertEquals(0, add.code, add.toString());
    assertTrue(add.out.contains("25 images in 3 shards of 10, labels: folders"), add.out);
    assertTrue(add.out.contains("24 images embedded, 1 failed"), add.out);
    assertTrue(add.out.contains("ERROR: Not images (1)"), add.out);
    assertTrue(add.out.contains("b/bad.png"), add.out);

    CliRun again =
        CliRun.of("corpus", "add", name, root, "--embedder", "raw-pixels", "--shard-rows", "10");
    assertTrue(again.out.contains("0 shards written now (3 were done before)"), again.out);

    CliRun list = CliRun.of("corpus", "list");
    assertTrue(
        list.out.contains(name + "  25 images  labels from folders  embedded by raw-pixels"),
        list.out);

    CliRun info = CliRun.of("corpus", "info", name);
    assertTrue(info.out.contains("3 of 3 shards, 24 images embedded, 1 failed"), info.out);

    CliRun search =
        CliRun.of(
            "corpus",
            "search",
            name,
            "--embedder",
            "raw-pixels",
            "--query",
            tmp.resolve("imgs/a/3.png").toString(),
            "--k",
            "3");
    assertEquals(0, search.code, search.toString());
    assertTrue(search.out.contains(" 1  1.0000  a/3.png  [a]"), search.out);

    CliRun hnsw =
        CliRun.of(
            "corpus",
            "search",
            name,
            "--embedder",
            "raw-pixels",
            "--sample-queries",
            "5",
            "--hnsw",
            "--show",
            "0");
    assertTrue(hnsw.out.contains("recall@10 against exact"), hnsw.out);

    CliRun remove = CliRun.of("corpus", "remove", name);
    assertEquals(0, remove.code, remove.toString());
    assertTrue(Files.exists(tmp.resolve("imgs/a/0.png")));
    assertTrue(CliRun.of("corpus", "info", name).err.contains("no corpus called"));
  }

  @Test
  void addRegistersATableOfPrecomputedVectors() throws IOException {
    Random rnd = new Random(6);
    Path dir = Files.createDirectories(tmp.resolve("imgs2").resolve("a"));
    List<String> paths = new ArrayList<>(List.of("path"));
    for (int i = 0; i < 6; i++) {
      BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
      img.getRaster().setSample(rnd.nextInt(16), rnd.nextInt(16), 0, 255);
      ImageIO.write(img, "png", dir.resolve(i + ".png").toFile());
      if (i != 3) {
        paths.add("a/" + i + ".png");
      }
    }
    RawPixelEmbedder raw = new RawPixelEmbedder();
    int dim = raw.dimension();
    float[] data = new float[5 * dim];
    for (int r = 0; r < 5; r++) {
      data[r * dim + r] = 1f;
    }
    Path npy = tmp.resolve("table.npy");
    try (OutputStream out = Files.newOutputStream(npy)) {
      NpyFile.write(data, 5, dim, out);
    }
    Path list = tmp.resolve("paths.txt");
    Files.write(list, paths);
    String name = "vec-" + System.nanoTime();
    String root = tmp.resolve("imgs2").toString();

    CliRun alone =
        CliRun.of("corpus", "add", name, root, "--embedder", "raw-pixels", "--vectors", npy + "");
    assertTrue(alone.code != 0, alone.toString());
    assertTrue(
        alone.toString().contains("--vectors and --vector-paths go together"), alone.toString());
    assertTrue(
        !CliRun.of("corpus", "list").out.contains(name), "nothing registered before the check");

    CliRun add =
        CliRun.of(
            "corpus",
            "add",
            name,
            root,
            "--embedder",
            "raw-pixels",
            "--vectors",
            npy.toString(),
            "--vector-paths",
            list.toString());
    assertEquals(0, add.code, add.toString());
    assertTrue(
        add.out.contains(
            raw.name()
                + ": 1 shards written now from table.npy, 5 images with a vector, 1 without one,"
                + " 0 table rows not in the corpus."),
        add.out);
    CliRun info = CliRun.of("corpus", "info", name);
    assertTrue(info.out.contains("1 of 1 shards, 5 images embedded, 1 failed"), info.out);
    assertEquals(0, CliRun.of("corpus", "remove", name).code);
  }
}

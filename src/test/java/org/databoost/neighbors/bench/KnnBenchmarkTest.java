package org.databoost.neighbors.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.databoost.neighbors.ExactSearch;
import org.databoost.neighbors.Neighbors;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnnBenchmarkTest {
  @TempDir Path dir;

  @Test
  void measuresExactAndHnswOnAnchorFilesAndComparesWithAFaissResultsFile() throws Exception {
    int n = 600;
    int dim = 256;
    Vectors base = random(n, dim, 1);
    Vectors queries = random(60, dim, 2);
    Path d = Files.createDirectories(dir.resolve("d256"));
    writeF32(d.resolve("base_n600.f32"), base);
    writeF32(d.resolve("queries.f32"), queries);
    writeTruth(d.resolve("gt_n600.i32"), ExactSearch.knn(queries, base, 10, Progress.NONE));
    Path faiss = dir.resolve("results.jsonl");
    Files.writeString(
        faiss,
        "{\"impl\": \"faiss_flat\", \"d\": 256, \"n\": 600, \"qps\": 100.0, \"qps_per_cpu_s\":"
            + " 50.0, \"others_cores\": 0.9}\n"
            + "{\"impl\": \"faiss_flat\", \"d\": 256, \"n\": 600, \"qps\": 80.0, \"qps_per_cpu_s\":"
            + " 40.0, \"others_cores\": 0.01}\n");
    KnnBenchmark.Options o =
        new KnnBenchmark.Options(
            dir,
            256,
            List.of(600, 1200),
            10,
            5,
            1,
            2,
            Path.of("anchors"),
            faiss,
            false,
            600,
            List.of(64),
            dir.resolve("java.jsonl"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    KnnBenchmark.run(o, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("exact N=600 (heap)"), out);
    assertTrue(out.contains("recall@10 1.0000"), out);
    assertTrue(out.contains("faiss IndexFlatIP (" + faiss + "): 80 q/s"), out);
    assertTrue(out.contains("exact N=1,200: not measured, data missing"), out);
    assertTrue(out.contains("gen_data.py --d 256 --sizes 1200"), out);
    assertTrue(out.contains("HNSW N=600 M=16 efConstruction=200"), out);
    assertTrue(out.contains("  ef=64: "), out);
    assertEquals(2, Files.readAllLines(dir.resolve("java.jsonl")).size());
  }

  private static Vectors random(int rows, int dim, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[rows * dim];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextDouble(-1, 1);
    }
    return Vectors.wrap(v, rows, dim).normalised();
  }

  private static void writeF32(Path file, Vectors v) throws IOException {
    ByteBuffer b = header("F32", v.rows(), v.dim());
    for (int r = 0; r < v.rows(); r++) {
      for (float f : v.row(r)) {
        b.putFloat(f);
      }
    }
    Files.write(file, b.array());
  }

  private static void writeTruth(Path file, Neighbors nb) throws IOException {
    ByteBuffer b = header("I32", nb.queries(), nb.k());
    for (int q = 0; q < nb.queries(); q++) {
      for (int id : nb.ids(q)) {
        b.putInt(id);
      }
    }
    Files.write(file, b.array());
  }

  private static ByteBuffer header(String magic, int rows, int cols) {
    ByteBuffer b = ByteBuffer.allocate(16 + rows * cols * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put(magic.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    return b.putInt(rows).putInt(cols).putInt(0);
  }
}

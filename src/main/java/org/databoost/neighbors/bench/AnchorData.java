package org.databoost.neighbors.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.databoost.neighbors.Vectors;

/**
 * The anchors' data files ({@code ../shared/reference/anchors/gen_data.py}): {@code
 * d{d}/base_n{N}.f32}, {@code queries.f32} and the exact top-100 {@code gt_n{N}.i32}.
 */
record AnchorData(Path dir, int dim) {

  Path base(int n) {
    return dir.resolve("d" + dim).resolve("base_n" + n + ".f32");
  }

  Path queries() {
    return dir.resolve("d" + dim).resolve("queries.f32");
  }

  Path truth(int n) {
    return dir.resolve("d" + dim).resolve("gt_n" + n + ".i32");
  }

  boolean has(int n) {
    return Files.isRegularFile(base(n))
        && Files.isRegularFile(queries())
        && Files.isRegularFile(truth(n));
  }

  /** What the user types to create the files for size n. */
  String generateCommand(Path anchors, int n) {
    String env = dir.equals(KnnBenchmark.Options.DEFAULT_DATA) ? "" : "ANCHOR_DATA=" + dir + " ";
    return env
        + "/usr/bin/python3 "
        + anchors.resolve("gen_data.py")
        + " --d "
        + dim
        + " --sizes "
        + n
        + "   (needs python3-numpy; "
        + String.format("%.1f", 2.0 * n * dim * 4 / 1e9)
        + " GB on disk: .npy and .f32 copies)";
  }

  Vectors loadBase(int n) throws IOException {
    return Vectors.map(base(n)).onHeap();
  }

  Vectors loadQueries() throws IOException {
    return Vectors.map(queries()).onHeap();
  }

  /** The int32 matrix file as [row][col]. */
  int[][] loadTruth(int n) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(truth(n))).order(ByteOrder.LITTLE_ENDIAN);
    if (b.remaining() < 16 || b.getInt(0) != 0x00323349) {
      throw new IOException(truth(n) + " is not a raw int32 matrix (magic I32\\0)");
    }
    int rows = b.getInt(4);
    int cols = b.getInt(8);
    int[][] out = new int[rows][cols];
    b.position(16);
    for (int[] row : out) {
      b.asIntBuffer().get(row);
      b.position(b.position() + cols * 4);
    }
    return out;
  }
}

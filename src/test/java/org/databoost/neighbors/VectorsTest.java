package org.databoost.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorsTest {
  @TempDir Path dir;

  @Test
  void aMappedRawFileSearchesLikeTheHeapCopy() throws IOException {
    Vectors heap = Fixtures.gaussian(2000, 40, 21);
    Path file = dir.resolve("base.f32");
    writeRaw(file, heap);
    Vectors mapped = Vectors.map(file);
    assertEquals(2000, mapped.rows());
    assertEquals(40, mapped.dim());
    assertArrayEquals(heap.row(1999), mapped.row(1999));
    Vectors queries = Fixtures.gaussian(9, 40, 22);
    ExactSearchTest.assertSame(
        ExactSearch.knn(queries, heap, 7, Progress.NONE),
        ExactSearch.knn(queries, mapped, 7, Progress.NONE));
    ExactSearchTest.assertSame(
        ExactSearch.knnSelf(heap, 7, Progress.NONE), ExactSearch.knnSelf(mapped, 7, Progress.NONE));
  }

  @Test
  void aFileMappedInManySmallChunksReadsLikeTheHeapCopy() throws IOException {
    Vectors heap = Fixtures.gaussian(1001, 13, 5);
    Path file = dir.resolve("chunked.f32");
    writeRaw(file, heap);
    Vectors mapped = Vectors.map(file, 7 * 13 * 4 + 5); // 7 whole rows per chunk
    float[] want = new float[1001 * 13];
    float[] got = new float[1001 * 13];
    heap.copyRows(0, 1001, want, 0);
    mapped.copyRows(0, 1001, got, 0);
    assertArrayEquals(want, got);
    ExactSearchTest.assertSame(
        ExactSearch.knnSelf(heap, 5, Progress.NONE), ExactSearch.knnSelf(mapped, 5, Progress.NONE));
  }

  @Test
  void littleEndianBytesAreReadAsFloats() {
    ByteBuffer b = ByteBuffer.allocate(4 + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(99).putFloat(1).putFloat(2).putFloat(3).putFloat(4).flip();
    b.position(4);
    Vectors v = Vectors.of(b, 2, 2);
    assertArrayEquals(new float[] {3, 4}, v.row(1));
  }

  @Test
  void rowsSpanningSeveralChunksReadBackInOrder() {
    Vectors heap = Fixtures.gaussian(10, 3, 1);
    List<FloatBuffer> chunks = new ArrayList<>();
    for (int from = 0; from < 10; from += 4) {
      int n = Math.min(4, 10 - from);
      float[] part = new float[n * 3];
      heap.copyRows(from, n, part, 0);
      chunks.add(FloatBuffer.wrap(part));
    }
    Vectors chunked = Vectors.ofChunks(chunks, 4, 10, 3);
    float[] all = new float[30];
    chunked.copyRows(0, 10, all, 0);
    float[] want = new float[30];
    heap.copyRows(0, 10, want, 0);
    assertArrayEquals(want, all);
    assertEquals(heap.get(9, 2), chunked.get(9, 2));
    Vectors queries = Fixtures.gaussian(3, 3, 2);
    ExactSearchTest.assertSame(
        ExactSearch.knn(queries, heap, 4, Progress.NONE),
        ExactSearch.knn(queries, chunked, 4, Progress.NONE));
  }

  @Test
  void normalisingGivesUnitRowsAndLeavesZeroRowsAlone() {
    Vectors v = Vectors.of(new float[][] {{3, 4}, {0, 0}}).normalised();
    assertArrayEquals(new float[] {0.6f, 0.8f}, v.row(0), 1e-6f);
    assertArrayEquals(new float[] {0, 0}, v.row(1));
  }

  @Test
  void aFileWithoutTheHeaderIsRejected() throws IOException {
    Path file = dir.resolve("junk.f32");
    Files.write(file, new byte[64]);
    assertThrows(IOException.class, () -> Vectors.map(file));
  }

  static void writeRaw(Path file, Vectors v) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(16 + v.rows() * v.dim() * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {'F', '3', '2', 0}).putInt(v.rows()).putInt(v.dim()).putInt(0);
    for (int r = 0; r < v.rows(); r++) {
      for (float f : v.row(r)) {
        b.putFloat(f);
      }
    }
    Files.write(file, b.array());
  }
}

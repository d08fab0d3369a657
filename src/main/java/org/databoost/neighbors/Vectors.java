package org.databoost.neighbors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable N x d matrix of float32 rows: either one contiguous heap {@code float[]} or
 * row-aligned {@link FloatBuffer} chunks (for example a memory-mapped embedding cache; one mapping
 * is limited to 2 GiB, so a large file is several chunks and no row straddles two).
 */
public final class Vectors {
  /** Bytes per mapped chunk; whole rows only. */
  static final long MAX_CHUNK_BYTES = 1L << 30;

  private final int rows;
  private final int dim;
  private final float[] heap;
  private final FloatBuffer[] chunks;
  private final int rowsPerChunk;

  private Vectors(int rows, int dim, float[] heap, FloatBuffer[] chunks, int rowsPerChunk) {
    if (rows < 0 || dim < 0) {
      throw new IllegalArgumentException("negative shape " + rows + " x " + dim);
    }
    this.rows = rows;
    this.dim = dim;
    this.heap = heap;
    this.chunks = chunks;
    this.rowsPerChunk = rowsPerChunk;
  }

  /** Wraps {@code data} (row-major, rows x dim) without copying; the caller must not change it. */
  public static Vectors wrap(float[] data, int rows, int dim) {
    if ((long) rows * dim != data.length) {
      throw new IllegalArgumentException(
          data.length + " values are not " + rows + " rows of " + dim + " columns");
    }
    return new Vectors(rows, dim, data, null, 0);
  }

  /** Copies the rows of a 2-D array (all rows the same length). */
  public static Vectors of(float[][] rowArrays) {
    int dim = rowArrays.length == 0 ? 0 : rowArrays[0].length;
    float[] data = new float[Math.multiplyExact(rowArrays.length, dim)];
    for (int r = 0; r < rowArrays.length; r++) {
      if (rowArrays[r].length != dim) {
        throw new IllegalArgumentException("row " + r + " has " + rowArrays[r].length + " values");
      }
      System.arraycopy(rowArrays[r], 0, data, r * dim, dim);
    }
    return new Vectors(rowArrays.length, dim, data, null, 0);
  }

  /** Views {@code rows x dim} floats of {@code buffer} from its position, without copying. */
  public static Vectors of(FloatBuffer buffer, int rows, int dim) {
    if (buffer.remaining() < (long) rows * dim) {
      throw new IllegalArgumentException("buffer holds fewer than " + rows + " x " + dim);
    }
    return new Vectors(rows, dim, null, new FloatBuffer[] {buffer.slice()}, Math.max(rows, 1));
  }

  /** Views little-endian float32 bytes from the buffer's position, without copying. */
  public static Vectors of(ByteBuffer bytes, int rows, int dim) {
    return of(bytes.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer(), rows, dim);
  }

  /** Views row-aligned chunks: every chunk but the last holds exactly {@code rowsPerChunk} rows. */
  public static Vectors ofChunks(List<FloatBuffer> chunks, int rowsPerChunk, int rows, int dim) {
    long capacity = 0;
    for (int c = 0; c < chunks.size(); c++) {
      int expected = Math.min(rowsPerChunk, rows - c * rowsPerChunk);
      if (chunks.get(c).remaining() < (long) expected * dim) {
        throw new IllegalArgumentException(
            "chunk " + c + " holds fewer than " + expected + " rows");
      }
      capacity += (long) expected * dim;
    }
    if (capacity != (long) rows * dim) {
      throw new IllegalArgumentException("chunks do not cover " + rows + " rows");
    }
    FloatBuffer[] copy = chunks.stream().map(FloatBuffer::slice).toArray(FloatBuffer[]::new);
    return new Vectors(rows, dim, null, copy, rowsPerChunk);
  }

  /**
   * Memory-maps a raw float32 matrix file (16-byte header: magic {@code F32\0}, rows, cols,
   * reserved; then little-endian row-major values), in row-aligned chunks of at most 1 GiB.
   */
  public static Vectors map(Path file) throws IOException {
    return map(file, MAX_CHUNK_BYTES);
  }

  /** {@link #map(Path)} with a smaller chunk size, so that tests cross chunk borders. */
  static Vectors map(Path file, long maxChunkBytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      while (header.hasRemaining() && ch.read(header) >= 0) {}
      header.flip();
      if (header.remaining() < 16 || header.getInt(0) != 0x00323346) {
        throw new IOException(file + " is not a raw float32 matrix (magic F32\\0)");
      }
      long rows = Integer.toUnsignedLong(header.getInt(4));
      long cols = Integer.toUnsignedLong(header.getInt(8));
      if (rows > Integer.MAX_VALUE
          || cols > Integer.MAX_VALUE
          || ch.size() < 16 + rows * cols * 4) {
        throw new IOException(file + " is truncated or too large: " + rows + " x " + cols);
      }
      int dim = (int) cols;
      int perChunk = (int) Math.max(1, Math.min(rows, maxChunkBytes / Math.max(4L * dim, 1)));
      List<FloatBuffer> chunks = new ArrayList<>();
      for (long r = 0; r < rows; r += perChunk) {
        long n = Math.min(perChunk, rows - r);
        ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 16 + r * dim * 4, n * dim * 4);
        chunks.add(b.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer());
      }
      return ofChunks(chunks, perChunk, (int) rows, dim);
    }
  }

  public int rows() {
    return rows;
  }

  public int dim() {
    return dim;
  }

  public boolean isEmpty() {
    return rows == 0;
  }

  public float get(int row, int col) {
    checkRow(row);
    if (col < 0 || col >= dim) {
      throw new IndexOutOfBoundsException("column " + col);
    }
    if (heap != null) {
      return heap[row * dim + col];
    }
    return chunks[row / rowsPerChunk].get((row % rowsPerChunk) * dim + col);
  }

  /** A copy of one row. */
  public float[] row(int row) {
    float[] out = new float[dim];
    copyRows(row, 1, out, 0);
    return out;
  }

  /** Copies {@code count} rows starting at {@code from} into {@code dst} at {@code offset}. */
  public void copyRows(int from, int count, float[] dst, int offset) {
    if (count == 0) {
      return;
    }
    checkRow(from);
    checkRow(from + count - 1);
    if (heap != null) {
      System.arraycopy(heap, from * dim, dst, offset, count * dim);
      return;
    }
    int row = from;
    int out = offset;
    while (row < from + count) {
      int c = row / rowsPerChunk;
      int inChunk = row % rowsPerChunk;
      int n = Math.min(from + count - row, rowsPerChunk - inChunk);
      chunks[c].get(inChunk * dim, dst, out, n * dim); // absolute: safe from several threads
      row += n;
      out += n * dim;
    }
  }

  /** The first {@code n} rows, sharing storage. */
  public Vectors head(int n) {
    if (n < 0 || n > rows) {
      throw new IllegalArgumentException("head " + n + " of " + rows + " rows");
    }
    return new Vectors(n, dim, heap, chunks, rowsPerChunk);
  }

  /** A heap copy of this matrix (a no-op when already on the heap). */
  public Vectors onHeap() {
    return heap != null ? this : copyToHeap(rows);
  }

  private Vectors copyToHeap(int n) {
    float[] data = new float[Math.multiplyExact(n, dim)];
    copyRows(0, n, data, 0);
    return new Vectors(n, dim, data, null, 0);
  }

  /** A heap copy with every row scaled to unit L2 norm; all-zero rows stay zero. */
  public Vectors normalised() {
    float[] data = new float[Math.multiplyExact(rows, dim)];
    copyRows(0, rows, data, 0);
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int c = r * dim; c < (r + 1) * dim; c++) {
        sum += (double) data[c] * data[c];
      }
      if (sum > 0) {
        float scale = (float) (1.0 / Math.sqrt(sum));
        for (int c = r * dim; c < (r + 1) * dim; c++) {
          data[c] *= scale;
        }
      }
    }
    return new Vectors(rows, dim, data, null, 0);
  }

  /**
   * The backing array when on the heap (row-major from index 0, possibly longer than rows x dim),
   * else null; never modified by readers.
   */
  float[] heapArray() {
    return heap;
  }

  private void checkRow(int row) {
    if (row < 0 || row >= rows) {
      throw new IndexOutOfBoundsException("row " + row + " of " + rows);
    }
  }
}

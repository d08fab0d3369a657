package org.databoost.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.databoost.neighbors.Vectors;

/**
 * A 2-D little-endian float32 NumPy {@code .npy} file (format 1.0): written from a row-major array,
 * read back memory-mapped as {@link Vectors} without copying. {@code numpy.load(f, mmap_mode='r')}
 * reads the same files.
 */
public final class NpyFile {
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d*)\\)");

  /** Shape and where the values start. */
  public record Header(int rows, int dim, long dataOffset) {}

  private NpyFile() {}

  /** Writes {@code rows x dim} values of {@code data} (row-major) to {@code out}. */
  public static void write(float[] data, int rows, int dim, OutputStream out) throws IOException {
    out.write(header(rows, dim));
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    int n = rows * dim;
    for (int i = 0; i < n; ) {
      buf.clear();
      int m = Math.min(n - i, buf.capacity() / Float.BYTES);
      buf.asFloatBuffer().put(data, i, m);
      out.write(buf.array(), 0, m * Float.BYTES);
      i += m;
    }
    out.flush();
  }

  /** The header bytes of a {@code rows x dim} float32 matrix, padded to 64 bytes. */
  static byte[] header(int rows, int dim) {
    String dict =
        String.format(
            Locale.ROOT,
            "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
            rows,
            dim);
    int unpadded = 10 + dict.length() + 1;
    String text = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    ByteBuffer head = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
    head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    head.put((byte) 1).put((byte) 0).putShort((short) text.length());
    head.put(text.getBytes(StandardCharsets.US_ASCII));
    return head.array();
  }

  /** Reads and checks the header: a C-ordered 2-D little-endian float32 matrix. */
  public static Header readHeader(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, pre, file);
      if ((pre.get(0) & 0xff) != 0x93
          || !"NUMPY".equals(new String(pre.array(), 1, 5, StandardCharsets.US_ASCII))) {
        throw new IOException(file + " is not a .npy file");
      }
      int major = pre.get(6);
      long headerLen;
      int prefix;
      if (major == 1) {
        headerLen = Short.toUnsignedInt(pre.getShort(8));
        prefix = 10;
      } else {
        headerLen = Integer.toUnsignedLong(pre.getInt(8));
        prefix = 12;
      }
      ByteBuffer text = ByteBuffer.allocate((int) headerLen);
      ch.position(prefix);
      readFully(ch, text, file);
      String dict = new String(text.array(), StandardCharsets.ISO_8859_1);
      if (!dict.contains("'descr': '<f4'") || dict.contains("'fortran_order': True")) {
        throw new IOException(file + " is not a C-ordered little-endian float32 matrix: " + dict);
      }
      Matcher m = SHAPE.matcher(dict);
      if (!m.find() || m.group(2).isEmpty()) {
        throw new IOException(file + " is not a 2-D matrix: " + dict.trim());
      }
      long rows = Long.parseLong(m.group(1));
      long dim = Long.parseLong(m.group(2));
      long offset = prefix + headerLen;
      if (rows > Integer.MAX_VALUE || ch.size() < offset + rows * dim * Float.BYTES) {
        throw new IOException(file + " is truncated: " + rows + " x " + dim + " float32 expected");
      }
      return new Header((int) rows, (int) dim, offset);
    }
  }

  /** The matrix, memory-mapped read-only (files up to 2 GiB). */
  public static Vectors map(Path file) throws IOException {
    Header h = readHeader(file);
    long bytes = (long) h.rows() * h.dim() * Float.BYTES;
    if (bytes > Integer.MAX_VALUE) {
      throw new IOException(file + " is over 2 GiB; corpus shards are far smaller");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, h.dataOffset(), bytes);
      return Vectors.of(b, h.rows(), h.dim());
    }
  }

  /** Writes the file through a temporary sibling and an atomic rename. */
  public static void writeAtomically(Path file, float[] data, int rows, int dim)
      throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      write(data, rows, dim, out);
    }
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    CorpusFiles.replace(tmp, file);
  }

  private static void readFully(FileChannel ch, ByteBuffer b, Path file) throws IOException {
    while (b.hasRemaining()) {
      if (ch.read(b) < 0) {
        throw new IOException(file + " is truncated");
      }
    }
  }
}

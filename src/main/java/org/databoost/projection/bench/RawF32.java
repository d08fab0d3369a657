package org.databoost.projection.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The anchors' raw matrix format: magic {@code F32\0}, rows and cols as little-endian uint32, 4
 * reserved bytes, then row-major little-endian float32.
 */
final class RawF32 {

  private RawF32() {}

  /** A matrix read into one flat array. */
  record Matrix(float[] values, int rows, int cols) {}

  static Matrix read(Path path) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, header);
      header.flip();
      byte[] magic = new byte[4];
      header.get(magic);
      if (magic[0] != 'F' || magic[1] != '3' || magic[2] != '2' || magic[3] != 0) {
        throw new IOException(path + " is not a raw float32 matrix");
      }
      long rows = Integer.toUnsignedLong(header.getInt());
      long cols = Integer.toUnsignedLong(header.getInt());
      if (rows * cols > Integer.MAX_VALUE - 8) {
        throw new IOException(path + " is too large: " + rows + " x " + cols);
      }
      float[] values = new float[(int) (rows * cols)];
      ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
      int p = 0;
      while (p < values.length) {
        buf.clear();
        buf.limit((int) Math.min(buf.capacity(), 4L * (values.length - p)));
        readFully(ch, buf);
        buf.flip();
        int m = buf.remaining() / 4;
        buf.asFloatBuffer().get(values, p, m);
        p += m;
      }
      return new Matrix(values, (int) rows, (int) cols);
    }
  }

  /** Writes columns {@code x, y} as an [n, 2] matrix. */
  static void writeXy(Path path, float[] x, float[] y) throws IOException {
    int n = x.length;
    ByteBuffer buf = ByteBuffer.allocate(16 + 8 * n).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(new byte[] {'F', '3', '2', 0}).putInt(n).putInt(2).putInt(0);
    for (int i = 0; i < n; i++) {
      buf.putFloat(x[i]).putFloat(y[i]);
    }
    buf.flip();
    Files.createDirectories(path.toAbsolutePath().getParent());
    try (FileChannel ch =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      if (ch.read(buf) < 0) {
        throw new IOException("unexpected end of file");
      }
    }
  }
}

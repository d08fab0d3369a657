package org.databoost.imaging;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a real, valid PNG of huge dimensions (all black, 8-bit RGB) that compresses to a few
 * megabytes: a decompression bomb for tests. Rather than deflating gigabytes, it deflates a block
 * of rows once, ending with a full flush so the block stands alone, and repeats its bytes; the zlib
 * checksum of all-zero data has a closed form.
 */
public final class PngBomb {
  private static final int ROWS_PER_BLOCK = 16;

  private PngBomb() {}

  /** Writes a {@code side} x {@code side} RGB PNG; {@code side} must be a multiple of 16. */
  public static Path write(Path file, int side) throws IOException {
    if (side % ROWS_PER_BLOCK != 0) {
      throw new IllegalArgumentException("side must be a multiple of " + ROWS_PER_BLOCK);
    }
    long rowBytes = 1 + 3L * side; // filter byte + RGB samples
    byte[] block = deflatedZeros((int) (rowBytes * ROWS_PER_BLOCK));
    long total = rowBytes * side;
    // Adler-32 of n zero bytes: a stays 1, b adds 1 per byte.
    long adler = ((total % 65521) << 16) | 1;

    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(ihdr);
      h.writeInt(side);
      h.writeInt(side);
      h.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit, truecolour, deflate, no filter, no interlace
      chunk(out, "IHDR", ihdr.toByteArray());

      ByteArrayOutputStream idat = new ByteArrayOutputStream();
      idat.write(0x78);
      idat.write(0x01); // zlib header: deflate, 32K window, no dictionary, fastest
      for (int i = 0; i < side / ROWS_PER_BLOCK; i++) {
        idat.write(block);
      }
      idat.write(new byte[] {0x03, 0x00}); // an empty final fixed-Huffman block
      new DataOutputStream(idat).writeInt((int) adler);
      chunk(out, "IDAT", idat.toByteArray());
      chunk(out, "IEND", new byte[0]);
    }
    return file;
  }

  private static byte[] deflatedZeros(int length) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(new byte[length]);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      do { // a full output buffer means the flush has more to give
        n = deflater.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
        out.write(buf, 0, n);
      } while (n == buf.length);
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt(data.length);
    d.write(t);
    d.write(data);
    d.writeInt((int) crc.getValue());
    d.flush();
  }
}

package org.databoost.imaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tells a truncated file from a corrupt one after a reader failed: readers word a cut-off file in
 * many ways ("Invalid chunk length", "Invalid block length for LZW..."), but every format we read
 * has a recognisable end (PNG's IEND chunk, JPEG's EOI marker, GIF's trailer byte) or records its
 * length (BMP).
 */
final class TruncationCheck {
  private static final int TAIL = 32;

  private TruncationCheck() {}

  /** Whether the file stops before the end its format promises. */
  static boolean endsEarly(Path file, ImageFormat format) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      return switch (format) {
        case PNG -> !tailContains(channel, size, new byte[] {'I', 'E', 'N', 'D'});
        case JPEG -> !tailContains(channel, size, new byte[] {(byte) 0xff, (byte) 0xd9});
        case GIF -> !tailContains(channel, size, new byte[] {0x3b});
        case BMP -> declaredBmpSize(channel) > size;
      };
    } catch (IOException e) {
      return false; // the caller's own failure message is the better report then
    }
  }

  /** Whether {@code marker} occurs in the last bytes (writers may pad a little after it). */
  private static boolean tailContains(FileChannel channel, long size, byte[] marker)
      throws IOException {
    int n = (int) Math.min(TAIL, size);
    ByteBuffer tail = ByteBuffer.allocate(n);
    channel.read(tail, size - n);
    byte[] bytes = tail.array();
    outer:
    for (int i = 0; i + marker.length <= tail.position(); i++) {
      for (int j = 0; j < marker.length; j++) {
        if (bytes[i + j] != marker[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The file size a BMP header declares (bfSize, little-endian at offset 2), or 0. */
  private static long declaredBmpSize(FileChannel channel) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
    channel.read(header, 0);
    return header.position() < 6 ? 0 : Integer.toUnsignedLong(header.getInt(2));
  }
}

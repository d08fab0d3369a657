package org.databoost.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The free space a store needs, checked before anything is written. */
public final class DiskSpace {
  /** Manifest bytes per row, generously (path, label, hash, sizes, status). */
  static final long MANIFEST_BYTES_PER_ROW = 256;

  /** How much space the file system of a folder has left for this user. */
  public interface Free {
    long bytes(Path dir) throws IOException;
  }

  /** The real file system's usable space. */
  public static final Free REAL = dir -> Files.getFileStore(dir).getUsableSpace();

  private DiskSpace() {}

  /** Bytes needed for {@code rows} vectors of {@code dim} floats and their manifest rows. */
  public static long needed(long rows, int dim) {
    return rows * ((long) dim * Float.BYTES + MANIFEST_BYTES_PER_ROW);
  }

  /** Throws a plain message when {@code dir} has less than {@code needed} bytes free. */
  public static void require(Free free, Path dir, long needed) throws IOException {
    long have = free.bytes(dir);
    if (have < needed) {
      throw new NotEnoughSpaceException(
          String.format(
              Locale.ROOT,
              "Not enough disk space in %s: the embeddings need about %s, only %s is free. Free"
                  + " some space (or move the user data folder, XDG_DATA_HOME) and run the"
                  + " same command again: it goes on where it stopped.",
              dir,
              human(needed),
              human(have)));
    }
  }

  /** Thrown before writing when the disk is too full. */
  public static final class NotEnoughSpaceException extends IOException {
    NotEnoughSpaceException(String message) {
      super(message);
    }
  }

  public static String human(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
  }
}

package org.databoost.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes an export file so that the target holds either its old content or the complete new one,
 * never a half-written file: the bytes go to a hidden file in the same folder, are forced to disk,
 * and the file is then renamed over the target in one atomic step. On any failure or cancellation
 * the partial file is removed.
 *
 * <p>This is the one class outside {@code workspace} that moves and deletes files. It is for
 * exports the user asked for (reports) and for a fold worker's result in an evaluation's work
 * folder ({@code training.FoldOutcome}), never for dataset files, which only the journaled
 * workspace may change.
 */
public final class AtomicFileWriter {
  private AtomicFileWriter() {}

  /** Produces the file's bytes; may throw to abandon the write. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code content} to {@code target}, replacing it atomically if it exists.
   *
   * @throws IOException when writing or renaming fails; the target is then unchanged
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new IOException(
          "Cannot write " + absolute + ": the folder " + folder + " does not exist.");
    }
    Path partial = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
    try {
      try (FileChannel channel =
          FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush();
        // Without this a crash after the rename could leave an empty file under the new name.
        channel.force(true);
      }
      Files.move(
          partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof IOException io) {
        throw explained(absolute, io);
      }
      throw e;
    }
  }

  /**
   * The failure told in the user's terms: which file, which folder and why, never the hidden
   * temporary file's name.
   */
  static IOException explained(Path target, IOException e) {
    Path folder = target.getParent();
    String why;
    String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
    String text = String.valueOf(reason) + " " + e.getMessage();
    if (e instanceof AccessDeniedException || text.contains("Permission denied")) {
      why = "the folder " + folder + " does not allow writing (permission denied)";
    } else if (text.contains("Read-only file system")) {
      why = "the folder " + folder + " is on a read-only file system";
    } else if (text.contains("No space left") || text.contains("Disk quota exceeded")) {
      why = "the disk holding " + folder + " is full";
    } else if (e instanceof NoSuchFileException) {
      // the folder exists (checked first) but refuses a new file: /proc, a vanished mount
      why = "the folder " + folder + " does not let new files be created in it";
    } else {
      why = reason == null ? "the system refused (" + e.getClass().getSimpleName() + ")" : reason;
    }
    return new IOException("Cannot write " + target + ": " + why + ".", e);
  }
}

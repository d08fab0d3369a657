package org.databoost.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one-writer lock of a workspace: an OS file lock on {@code lock} in the state folder. The OS
 * releases it when the process dies, so a crash never leaves a stale lock behind.
 */
final class WorkspaceLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private WorkspaceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static WorkspaceLock acquire(Path stateDir, Path datasetRoot) throws WorkspaceException {
    Path file = stateDir.resolve("lock");
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new WorkspaceException(
          "Cannot create the lock file " + file + ": " + e.getMessage(), e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this JVM holds it already: another window of the same process
    } catch (IOException e) {
      closeQuietly(channel);
      throw new WorkspaceException("Cannot lock " + file + ": " + e.getMessage(), e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new WorkspaceLockedException(
          "The dataset "
              + datasetRoot
              + " is open in another Databoost window or command; close it there first.");
    }
    return new WorkspaceLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try (FileChannel c = channel) {
      lock.release();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // the lock was not taken; nothing depends on this close
    }
  }
}

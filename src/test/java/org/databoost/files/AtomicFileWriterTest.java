package org.databoost.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export that cannot be written names the file, its folder and the reason, never a .part. */
class AtomicFileWriterTest {
  @TempDir Path tmp;

  @Test
  void aFolderThatRefusesWritingIsNamedWithTheReason() {
    // /sys refuses new files even to root; elsewhere the test has nothing to show
    Path folder = Path.of("/sys");
    Assumptions.assumeTrue(Files.isDirectory(folder), "no /sys here");
    Path target = folder.resolve("report.xlsx");
    IOException e =
        assertThrows(IOException.class, () -> AtomicFileWriter.write(target, o -> o.write(1)));
    assertTrue(
        e.getMessage().startsWith("Cannot write " + target + ": the folder /sys"), e.getMessage());
    assertFalse(e.getMessage().contains(".part"), e.getMessage());
  }

  @Test
  void theReasonsAreToldInPlainWords() {
    Path target = tmp.resolve("out/report.xlsx");
    String part = tmp.resolve("out/.report.xlsx.123.part").toString();
    assertEquals(
        "Cannot write "
            + target
            + ": the folder "
            + target.getParent()
            + " does not allow writing (permission denied).",
        AtomicFileWriter.explained(target, new AccessDeniedException(part)).getMessage());
    assertTrue(
        AtomicFileWriter.explained(
                target, new FileSystemException(part, null, "Read-only file system"))
            .getMessage()
            .endsWith("is on a read-only file system."));
    assertTrue(
        AtomicFileWriter.explained(target, new IOException("No space left on device"))
            .getMessage()
            .endsWith("is full."));
    assertTrue(
        AtomicFileWriter.explained(target, new NoSuchFileException(part))
            .getMessage()
            .endsWith("does not let new files be created in it."),
        "a folder such as /proc that refuses a new file is named, with no exception's name");
  }

  @Test
  void aWrittenFileReplacesTheOldOneAndLeavesNoTemporaryFile() throws IOException {
    Path target = tmp.resolve("a.txt");
    Files.writeString(target, "old");
    AtomicFileWriter.write(target, o -> o.write("new".getBytes()));
    assertEquals("new", Files.readString(target));
    try (var s = Files.list(tmp)) {
      assertEquals(1, s.count());
    }
  }
}

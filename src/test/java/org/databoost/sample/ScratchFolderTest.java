package org.databoost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFolderTest {
  @TempDir Path tmp;

  @Test
  void closingDeletesTheFolderWithItsContentsButNotWhatALinkPointsTo() throws Exception {
    Path outside = tmp.resolve("keep.txt");
    Files.write(outside, new byte[] {1, 2});
    Path made;
    try (ScratchFolder scratch = ScratchFolder.create("databoost-test-scratch")) {
      made = scratch.path();
      assertTrue(made.getFileName().toString().startsWith("databoost-test-scratch"));
      Files.createDirectories(made.resolve("sample/train/i"));
      Files.write(made.resolve("sample/train/i/a.png"), new byte[] {3});
      Files.createSymbolicLink(made.resolve("link"), outside);
      Files.createLink(made.resolve("hard.txt"), outside);
    }
    assertFalse(Files.exists(made));
    assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(outside));
  }
}

package org.databoost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkedGalleryTest {
  @TempDir Path tmp;

  @Test
  void makesManyFilesFromAFewDrawingsAndRemovesOnlyThemOnClose() throws Exception {
    Path source = tmp.resolve("source");
    Files.createDirectories(source.resolve("train/i"));
    Files.createDirectories(source.resolve("train/ii"));
    byte[] one = {(byte) 0x89, 'P', 'N', 'G', 1};
    byte[] two = {(byte) 0x89, 'P', 'N', 'G', 2};
    Files.write(source.resolve("train/i/a.png"), one);
    Files.write(source.resolve("train/ii/b.png"), two);
    Path root = tmp.resolve("gallery");
    try (LinkedGallery g = LinkedGallery.create(root, source, 5)) {
      assertEquals(5, g.entries().size());
      assertEquals(new LinkedGallery.Entry("train/i/0.png", "i"), g.entries().get(0));
      assertEquals(new LinkedGallery.Entry("train/ii/1.png", "ii"), g.entries().get(1));
      assertEquals(new LinkedGallery.Entry("train/i/4.png", "i"), g.entries().get(4));
      assertArrayEquals(one, Files.readAllBytes(root.resolve("train/i/2.png")));
      assertArrayEquals(two, Files.readAllBytes(root.resolve("train/ii/3.png")));
      assertThrows(Exception.class, () -> LinkedGallery.create(root, source, 1));
    }
    assertFalse(Files.exists(root));
    assertArrayEquals(one, Files.readAllBytes(source.resolve("train/i/a.png")));
    assertArrayEquals(two, Files.readAllBytes(source.resolve("train/ii/b.png")));
    assertTrue(Files.isDirectory(source.resolve("train/ii")));
  }
}

package org.databoost.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.databoost.imaging.TestImages;

/** Builds small dataset folders of real PNG files for scanner tests. */
final class DatasetFixture {
  private final Path root;
  private int seed;

  DatasetFixture(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** Writes a distinct valid PNG at {@code relative}. */
  Path image(String relative) throws IOException {
    return TestImages.png(root.resolve(relative), ++seed);
  }

  /** Writes {@code count} distinct PNGs named 0.png, 1.png, ... into {@code folder}. */
  DatasetFixture images(String folder, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      image(folder + "/" + i + ".png");
    }
    return this;
  }

  /** The usual shape: train/ and val/ with labels a and b. */
  DatasetFixture trainAndVal() throws IOException {
    return images("train/a", 4).images("train/b", 4).images("val/a", 2).images("val/b", 2);
  }

  Path file(String relative, byte[] content) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.write(p, content);
  }

  Path folder(String relative) throws IOException {
    return Files.createDirectories(root.resolve(relative));
  }
}

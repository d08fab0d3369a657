package org.databoost.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A dataset of one label for the tests of what works without two: a sample's i images only. */
public final class OneLabelDataset {
  private OneLabelDataset() {}

  /** Copies {@code sample}'s train/i and val/i images into {@code to} and returns it. */
  public static Path copyOf(Path sample, Path to) throws IOException {
    for (String split : List.of("train", "val")) {
      Path into = Files.createDirectories(to.resolve(split).resolve("i"));
      try (var files = Files.list(sample.resolve(split).resolve("i"))) {
        for (Path f : files.toList()) {
          Files.copy(f, into.resolve(f.getFileName()));
        }
      }
    }
    return to;
  }
}

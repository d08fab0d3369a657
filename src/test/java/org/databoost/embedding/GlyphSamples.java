package org.databoost.embedding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;

/** Small generated Roman-numeral datasets (clean labels, no junk) for the embedding tests. */
final class GlyphSamples {
  private GlyphSamples() {}

  /** {@code perLabel} train images of each numeral i..x under {@code dir}, scanned. */
  static DatasetScan numerals(Path dir, long seed, int perLabel) throws IOException {
    new SampleDatasetGenerator()
        .generate(dir, new SampleSpec(seed, perLabel, 0, 0, 96, 160, 0.0, 0, 0.0), Progress.NONE);
    return new DatasetScanner().scan(dir, Progress.NONE);
  }

  static List<Path> files(DatasetScan scan) {
    return scan.images().stream().map(e -> scan.root().resolve(e.relativePath())).toList();
  }

  static List<String> labels(DatasetScan scan) {
    return scan.images().stream().map(ImageEntry::label).toList();
  }
}

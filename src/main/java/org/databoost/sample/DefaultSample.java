package org.databoost.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.databoost.task.Progress;

/** The built-in sample dataset that the workbench opens when started without a dataset. */
public final class DefaultSample {
  private final SampleDatasetGenerator generator;

  public DefaultSample(SampleDatasetGenerator generator) {
    this.generator = generator;
  }

  /**
   * Returns {@code dir}, generating the default sample there first when it holds no dataset yet (a
   * missing or empty folder). A folder that holds something else is left alone.
   */
  public Path ensure(Path dir, Progress progress) throws IOException {
    if (Files.isDirectory(dir.resolve("train"))) {
      return dir;
    }
    generator.generate(dir, SampleSpec.defaults(), progress);
    return dir;
  }
}

package org.databoost.training;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image to train on or predict, with its given label.
 *
 * @param id the image's relative path in the dataset (its identity in results)
 * @param file where to read it
 * @param labelIndex index of its given label in the ordered label names
 */
public record LabelledImage(String id, Path file, int labelIndex) {
  public LabelledImage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
    if (labelIndex < 0) {
      throw new IllegalArgumentException("negative label index for " + id);
    }
  }
}

package org.databoost.workspace;

import java.nio.file.Path;
import java.util.Optional;
import org.databoost.dataset.Split;

/**
 * An image to add to the dataset: either a file outside it (copied, never moved) or bytes held in
 * memory, with where it goes and a free-text note of where it came from.
 *
 * @param split the split to add to; empty for a dataset of label folders only
 */
public record NewImage(
    Optional<Path> source,
    Optional<byte[]> bytes,
    Optional<Split> split,
    String label,
    String fileName,
    String provenance) {

  /** A copy of an existing file, keeping its name. */
  public static NewImage fromFile(Path source, Split split, String label, String provenance) {
    return new NewImage(
        Optional.of(source),
        Optional.empty(),
        Optional.ofNullable(split),
        label,
        source.getFileName().toString(),
        provenance);
  }

  /** Bytes produced in memory (e.g. a generated image), stored under the given file name. */
  public static NewImage fromBytes(
      byte[] bytes, Split split, String label, String fileName, String provenance) {
    return new NewImage(
        Optional.empty(),
        Optional.of(bytes.clone()),
        Optional.ofNullable(split),
        label,
        fileName,
        provenance);
  }
}

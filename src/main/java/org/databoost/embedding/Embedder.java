package org.databoost.embedding;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.databoost.task.Progress;

/**
 * Turns images into fixed-length vectors whose cosine similarity says how alike two images look.
 * Every vector is L2-normalised (length 1; an all-zero vector only for an image with no content at
 * all), so cosine similarity is a dot product.
 *
 * <p>Work runs in batches; {@link Progress} is told after each batch and cancellation is checked
 * between batches ({@link org.databoost.task.CancelledException}). Close an embedder that holds a
 * native model.
 */
public interface Embedder extends AutoCloseable {

  /**
   * A stable name that includes the version of the model and of its input normalisation, for
   * example {@code glyph-v3}; cached vectors are keyed by it, so it must change whenever the
   * vectors would.
   */
  String name();

  /** Length of every vector. */
  int dimension();

  /**
   * The vectors of image files, in order, decoded safely ({@link org.databoost.imaging
   * .ImageDecoder}).
   *
   * @throws java.io.UncheckedIOException naming the file when one cannot be decoded
   */
  float[][] embed(List<Path> files, Progress progress);

  /** The vectors of decoded images, in order. */
  float[][] embedImages(List<BufferedImage> images, Progress progress);

  @Override
  default void close() {}
}

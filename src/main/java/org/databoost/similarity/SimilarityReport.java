package org.databoost.similarity;

import java.util.List;
import org.databoost.dataset.Split;

/**
 * Near-duplicate groups and outliers of a dataset's train and val images.
 *
 * @param images every analysed image with its group (-1: none) and outlier score
 * @param groups how many near-duplicate groups there are
 */
public record SimilarityReport(String embedder, double threshold, List<Image> images, int groups) {
  /** One image's place in the analysis. */
  public record Image(String path, Split split, String hash, int group, double outlier) {}
}

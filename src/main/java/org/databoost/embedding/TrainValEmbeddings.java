package org.databoost.embedding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;

/**
 * The usable train and val images of a dataset (train first) with their embeddings, taken from or
 * added to the cache in the dataset's state folder: what the map and the near-duplicate analysis
 * both start from.
 */
public record TrainValEmbeddings(List<ImageEntry> images, float[][] vectors) {

  /**
   * The train and val images of a usable scan ({@code workspace.UsableImages}) with their
   * embeddings.
   */
  public static TrainValEmbeddings of(
      DatasetScan scan, Path stateDir, Embedder embedder, Progress progress) throws IOException {
    List<ImageEntry> images = new ArrayList<>(scan.images(Split.TRAIN));
    images.addAll(scan.images(Split.VAL));
    float[][] vectors =
        new EmbeddingCache(stateDir).embeddings(embedder, scan.root(), images, progress).vectors();
    return new TrainValEmbeddings(List.copyOf(images), vectors);
  }
}

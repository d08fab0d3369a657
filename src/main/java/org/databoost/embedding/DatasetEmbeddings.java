package org.databoost.embedding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.ImageEntry;
import org.databoost.task.Progress;

/**
 * Every usable image of a scanned dataset (all splits, in the scan's order) with its embedding,
 * taken from or added to the cache in the workspace state folder.
 *
 * @param images the scan's usable images
 * @param vectors one L2-normalised vector per image, in order
 * @param computed distinct contents that had to be computed (0 when everything was cached)
 * @param distinct distinct contents among the images (byte-identical files share one vector)
 */
public record DatasetEmbeddings(
    List<ImageEntry> images, float[][] vectors, int computed, int distinct) {

  public static DatasetEmbeddings of(
      DatasetScan scan, Path stateDir, Embedder embedder, Progress progress) throws IOException {
    List<ImageEntry> images = scan.images();
    EmbeddingCache.Result r =
        new EmbeddingCache(stateDir).embeddings(embedder, scan.root(), images, progress);
    Set<String> hashes = new HashSet<>();
    images.forEach(e -> hashes.add(e.hash()));
    return new DatasetEmbeddings(images, r.vectors(), r.computed(), hashes.size());
  }

  /** Distinct contents that were in the cache already. */
  public int cached() {
    return distinct - computed;
  }
}

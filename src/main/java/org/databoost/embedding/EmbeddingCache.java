package org.databoost.embedding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.ImageEntry;
import org.databoost.task.Progress;

/**
 * Embeddings of a dataset's images, computed once per image content and embedder: vectors are
 * looked up in the workspace state folder ({@link EmbeddingStore}, {@code
 * <stateDir>/embeddings/<embedder name>/}) by content hash, and only the missing ones are computed,
 * in chunks that are stored as soon as they are done, so a cancelled run keeps its finished work.
 */
public final class EmbeddingCache {
  /** Images embedded and stored together; cancellation is also checked inside a chunk. */
  static final int CHUNK = 256;

  private final Path stateDir;

  public EmbeddingCache(Path stateDir) {
    this.stateDir = stateDir;
  }

  /**
   * The vectors of {@code images} in order, and how many distinct images had to be computed.
   *
   * @param vectors one L2-normalised vector per image, in the order given
   * @param computed distinct contents computed by this call (0 when everything was cached)
   */
  public record Result(float[][] vectors, int computed) {}

  /**
   * Looks up, and computes where missing, the vectors of {@code images} of the dataset at {@code
   * root}.
   *
   * @throws org.databoost.task.CancelledException when cancelled; finished chunks stay stored
   */
  public Result embeddings(Embedder embedder, Path root, List<ImageEntry> images, Progress progress)
      throws IOException {
    try (EmbeddingStore store =
        EmbeddingStore.open(stateDir, embedder.name(), embedder.dimension())) {
      Map<String, Path> missing = new LinkedHashMap<>();
      for (ImageEntry e : images) {
        if (!store.contains(e.hash())) {
          missing.putIfAbsent(e.hash(), root.resolve(e.relativePath()));
        }
      }
      List<String> hashes = new ArrayList<>(missing.keySet());
      List<Path> files = new ArrayList<>(missing.values());
      int total = hashes.size();
      for (int from = 0; from < total; from += CHUNK) {
        progress.checkCancelled();
        int to = Math.min(total, from + CHUNK);
        float[][] vectors = embedder.embed(files.subList(from, to), offset(progress, from, total));
        store.append(hashes.subList(from, to), vectors);
      }
      progress.update(PreparedEmbedder.STAGE, total, total);
      float[][] out = new float[images.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = store.get(images.get(i).hash());
      }
      return new Result(out, total);
    }
  }

  /** Reports a chunk's progress as part of the whole. */
  private static Progress offset(Progress outer, long done, long total) {
    return new Progress() {
      @Override
      public void update(String stage, long chunkDone, long chunkTotal) {
        outer.update(stage, done + chunkDone, total);
      }

      @Override
      public boolean isCancelled() {
        return outer.isCancelled();
      }
    };
  }
}

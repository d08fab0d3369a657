package org.databoost.boost;

import java.util.List;
import java.util.SplittableRandom;
import org.databoost.dataset.ImageEntry;
import org.databoost.imaging.augment.Augmentation;
import org.databoost.imaging.augment.Augmenter;
import org.databoost.neighbors.Vectors;

/**
 * A pool of augmented candidates and their embeddings. Candidate {@code i} is the augmentation
 * {@link #augmentationSeed(long, int) seeded from (pool seed, i)} of source image {@code i mod
 * sources}: it is never stored as a file, only regenerated on demand ({@link CandidateRenderer}),
 * bit-identically.
 *
 * @param sources the training images the candidates are made from, in a fixed order
 * @param seed the pool seed
 * @param vectors one unit-length embedding per candidate, in candidate order
 * @param embedderName the embedder that made {@code vectors}
 * @param timings where the time went when the pool was made
 */
public record CandidatePool(
    List<ImageEntry> sources,
    long seed,
    Vectors vectors,
    String embedderName,
    PoolTimings timings) {

  /** Longer side, in pixels, of the planes candidates are generated and embedded at. */
  public static final int POOL_SIDE = 64;

  public CandidatePool {
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a candidate pool needs at least one source image");
    }
  }

  /**
   * How the time of making the pool was spent.
   *
   * @param loadSeconds decoding the source images once
   * @param generateCpuSeconds CPU time of generating and preparing all candidates (summed over the
   *     generator threads)
   * @param embedSeconds wall time the embedder spent in its model
   * @param wallSeconds generation and embedding together, as the user waited
   * @param generatorThreads threads that generated candidates
   */
  public record PoolTimings(
      double loadSeconds,
      double generateCpuSeconds,
      double embedSeconds,
      double wallSeconds,
      int generatorThreads) {}

  public int size() {
    return vectors.rows();
  }

  /** Index of the source image of candidate {@code index}. */
  public int sourceIndex(int index) {
    return sourceIndex(index, sources.size());
  }

  /** The source image of candidate {@code index}. */
  public ImageEntry source(int index) {
    return sources.get(sourceIndex(index));
  }

  /** The augmentation parameters of candidate {@code index}. */
  public Augmentation augmentation(Augmenter augmenter, int index) {
    return augmenter.sample(augmentationSeed(seed, index));
  }

  static int sourceIndex(int index, int sourceCount) {
    return index % sourceCount;
  }

  /** The augmentation seed of candidate {@code index}: well mixed, stable forever. */
  public static long augmentationSeed(long poolSeed, int index) {
    // One step of SplittableRandom from a per-candidate start: independent streams per index.
    return new SplittableRandom(poolSeed * 0x9E3779B97F4A7C15L + index).nextLong();
  }
}

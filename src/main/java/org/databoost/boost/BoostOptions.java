package org.databoost.boost;

import org.databoost.training.TrainingConfig;

/**
 * The settings of one Boost run.
 *
 * @param candidates size of the augmented candidate pool
 * @param k candidates retrieved per misclassified validation image
 * @param rounds most rounds to run
 * @param budget most images train + val may hold after boosting
 * @param embedder name of the embedder for pool and queries ({@link
 *     org.databoost.embedding.Embedders#byName})
 * @param training how every model is trained (its folds are ignored: boosting trains with in-sample
 *     train predictions, one model per training)
 * @param compareRandom also train, per round, on the same number of random candidates and report it
 *     (the ablation), then undo it
 * @param resplit first re-split train and val, stratified by label, keeping their sizes
 * @param seed seed of the pool, the random ablation and the re-split
 * @param duplicateThreshold cosine similarity at which a candidate counts as a duplicate
 * @param augmentationStrength 0..1, how strong the augmentations are
 */
public record BoostOptions(
    int candidates,
    int k,
    int rounds,
    int budget,
    String embedder,
    TrainingConfig training,
    boolean compareRandom,
    boolean resplit,
    long seed,
    float duplicateThreshold,
    double augmentationStrength) {

  /** The default budget: the competition's limit of 10,000 train + val images. */
  public static final int DEFAULT_BUDGET = 10_000;

  public static final int DEFAULT_K = 10;
  public static final int DEFAULT_ROUNDS = 2;

  /** Cosine similarity at which two glyph-v1 vectors are the same drawing (docs/similarity.md). */
  public static final float DEFAULT_DUPLICATE_THRESHOLD = 0.99f;

  public BoostOptions {
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be at least 1: " + candidates);
    }
    if (k < 1 || rounds < 1 || budget < 1) {
      throw new IllegalArgumentException("k, rounds and budget must be at least 1");
    }
    if (!(augmentationStrength >= 0 && augmentationStrength <= 1)) {
      throw new IllegalArgumentException(
          "augmentation strength must be within 0..1: " + augmentationStrength);
    }
    training = training.withFolds(0);
  }

  /** Defaults sized to this machine: a pool of 100,000 candidates. */
  public static BoostOptions defaults(TrainingConfig training) {
    return new BoostOptions(
        defaultCandidates(),
        DEFAULT_K,
        DEFAULT_ROUNDS,
        DEFAULT_BUDGET,
        "glyph",
        training,
        false,
        false,
        7,
        DEFAULT_DUPLICATE_THRESHOLD,
        1.0);
  }

  /**
   * A pool that takes a minute or two: 100,000 candidates on up to 4 cores (84 s to generate and
   * embed on 2 cores with another process using one of them, docs/boost.md), 50,000 per core beyond
   * that, up to 1,000,000.
   */
  public static int defaultCandidates() {
    int cores = Runtime.getRuntime().availableProcessors();
    return cores <= 4 ? 100_000 : Math.min(1_000_000, 50_000 * cores);
  }

  public BoostOptions withCandidates(int value) {
    return new BoostOptions(
        value,
        k,
        rounds,
        budget,
        embedder,
        training,
        compareRandom,
        resplit,
        seed,
        duplicateThreshold,
        augmentationStrength);
  }
}

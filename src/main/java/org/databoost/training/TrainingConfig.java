package org.databoost.training;

import java.util.Locale;

/**
 * How the fixed model is trained and evaluated: a named preset plus the overrides a user may give.
 *
 * @param preset the preset this configuration started from ({@code competition} or {@code quick})
 * @param epochs the most epochs to train
 * @param batchSize images per training step (the last, partial batch of an epoch is kept)
 * @param learningRate Adam's learning rate (epsilon is fixed at 1e-7, as in Keras)
 * @param patience stop after this many epochs without a better validation accuracy; 0 never stops
 *     early
 * @param seed seeds weight initialisation, shuffling and fold assignment
 * @param threads intra-op threads of the native engine
 * @param folds folds of the cross-validation that predicts training images out of sample; 0
 *     predicts them in sample with the main model
 * @param jobs models trained at once while cross-validating: 1 trains everything in this process,
 *     one model after another; more trains the folds in worker processes of one native thread each,
 *     beside the main model (two threads in one libtorch collapse under load: docs/training.md)
 */
public record TrainingConfig(
    String preset,
    int epochs,
    int batchSize,
    float learningRate,
    int patience,
    long seed,
    int threads,
    int folds,
    int jobs) {

  /** The competition's learning rate. */
  public static final float COMPETITION_LEARNING_RATE = 1e-4f;

  public TrainingConfig {
    if (epochs < 1 || batchSize < 1 || threads < 1) {
      throw new IllegalArgumentException("epochs, batch size and threads must be at least 1");
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
    }
    if (patience < 0) {
      throw new IllegalArgumentException("patience must not be negative: " + patience);
    }
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
    }
    if (folds == 1 || folds < 0) {
      throw new IllegalArgumentException("folds must be 0 (in-sample) or at least 2: " + folds);
    }
  }

  /** The competition's protocol: Adam 1e-4, batch 8, 100 epochs, best validation epoch kept. */
  public static TrainingConfig competition() {
    return new TrainingConfig(
        "competition", 100, 8, COMPETITION_LEARNING_RATE, 0, 42, defaultThreads(), 5, 1);
  }

  /**
   * For interactive use: batch 32, at most 30 epochs, stopping after 8 epochs without a better
   * validation accuracy, 3 folds. On the competition data one model took about 1.5 minutes on one
   * thread instead of about 10, and reached 0.68 best validation accuracy where the competition
   * protocol reaches about 0.69 (measurements in docs/training.md).
   */
  public static TrainingConfig quick() {
    return new TrainingConfig(
        "quick", 30, 32, COMPETITION_LEARNING_RATE, 8, 42, defaultThreads(), 3, 1);
  }

  /** The preset with this name (case-insensitive). */
  public static TrainingConfig preset(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "competition" -> competition();
      case "quick" -> quick();
      default ->
          throw new IllegalArgumentException(
              "unknown preset '" + name + "' (expected competition or quick)");
    };
  }

  /**
   * Models trained at once by default: one per core, no more than there are folds; 1 (everything in
   * this process) on a one-core machine or without cross-validation.
   */
  public static int defaultJobs(int folds) {
    return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), folds));
  }

  /**
   * The engine's default ({@link TorchEngine#defaultThreads()}): the user interface keeps a core.
   */
  public static int defaultThreads() {
    return TorchEngine.defaultThreads();
  }

  public TrainingConfig withEpochs(int value) {
    return new TrainingConfig(
        preset, value, batchSize, learningRate, patience, seed, threads, folds, jobs);
  }

  public TrainingConfig withBatchSize(int value) {
    return new TrainingConfig(
        preset, epochs, value, learningRate, patience, seed, threads, folds, jobs);
  }

  public TrainingConfig withSeed(long value) {
    return new TrainingConfig(
        preset, epochs, batchSize, learningRate, patience, value, threads, folds, jobs);
  }

  public TrainingConfig withThreads(int value) {
    return new TrainingConfig(
        preset, epochs, batchSize, learningRate, patience, seed, value, folds, jobs);
  }

  public TrainingConfig withFolds(int value) {
    return new TrainingConfig(
        preset, epochs, batchSize, learningRate, patience, seed, threads, value, jobs);
  }

  public TrainingConfig withPatience(int value) {
    return new TrainingConfig(
        preset, epochs, batchSize, learningRate, value, seed, threads, folds, jobs);
  }

  public TrainingConfig withLearningRate(float value) {
    return new TrainingConfig(
        preset, epochs, batchSize, value, patience, seed, threads, folds, jobs);
  }

  public TrainingConfig withJobs(int value) {
    return new TrainingConfig(
        preset, epochs, batchSize, learningRate, patience, seed, threads, folds, value);
  }
}

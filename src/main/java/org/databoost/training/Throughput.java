package org.databoost.training;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.databoost.bench.MachineLoad;
import org.databoost.task.Progress;

/**
 * Measures training and inference speed of the fixed model on pre-decoded images, for the benchmark
 * command. Each measurement holds the training lock while it runs.
 */
public final class Throughput {
  /**
   * One measurement.
   *
   * @param batchSize images per step
   * @param images images processed in the timed part
   * @param seconds wall time of the timed part
   * @param ownCores this process's CPU use during it, in cores
   * @param foreignCores everybody else's CPU use during it, in cores (NaN if unknown)
   */
  public record Result(
      int batchSize, long images, double seconds, double ownCores, double foreignCores) {
    public double imagesPerSecond() {
      return images / seconds;
    }
  }

  private final TensorSet train;
  private final TensorSet val;
  private final int classes;
  private final int threads;

  private Throughput(TensorSet train, TensorSet val, int classes, int threads) {
    this.train = train;
    this.val = val;
    this.classes = classes;
    this.threads = threads;
  }

  /**
   * Whether this JVM was started with the malloc environment training needs for full speed (see
   * docs/training.md).
   */
  public static boolean mallocTuned() {
    return TorchEngine.mallocTuned();
  }

  /** The environment variables that tune malloc for training, for messages. */
  public static String mallocEnvironment() {
    return new TreeMap<>(TorchEngine.MALLOC_ENVIRONMENT).toString();
  }

  /** Decodes the images once; {@code threads} also sets the engine's intra-op threads. */
  public static Throughput prepare(
      List<LabelledImage> train, List<LabelledImage> val, int classes, int threads)
      throws IOException {
    TensorSet t = TensorCache.decode(train, threads, Progress.NONE);
    TensorSet v = TensorCache.decode(val, threads, Progress.NONE);
    return new Throughput(t, v, classes, threads);
  }

  /** Times {@code steps} training steps of a fresh model after {@code warmup} untimed ones. */
  public Result training(int batchSize, int warmup, int steps, long seed) {
    TorchEngine.acquire(Progress.NONE);
    try {
      TorchEngine.start(threads);
      TorchEngine.seed(seed);
      int[] order = ModelTrainer.identity(train.size());
      Random random = new Random(seed);
      ModelTrainer.shuffleInPlace(order, random);
      try (TrainingSession session =
          new TrainingSession(classes, batchSize, TrainingConfig.COMPETITION_LEARNING_RATE)) {
        int[] next = {0};
        Runnable step =
            () -> {
              if (next[0] + batchSize > order.length) {
                ModelTrainer.shuffleInPlace(order, random);
                next[0] = 0;
              }
              session.step(train, order, next[0], next[0] + batchSize);
              next[0] += batchSize;
            };
        for (int i = 0; i < warmup; i++) {
          step.run();
        }
        MachineLoad start = MachineLoad.now();
        for (int i = 0; i < steps; i++) {
          step.run();
        }
        return result(batchSize, (long) steps * batchSize, start);
      }
    } finally {
      TorchEngine.release();
    }
  }

  /** Times {@code passes} inference passes over the validation images (after one untimed pass). */
  public Result inference(int passes, long seed) {
    TorchEngine.acquire(Progress.NONE);
    try {
      TorchEngine.start(threads);
      TorchEngine.seed(seed);
      TrainedModel untrained;
      try (TrainingSession session =
          new TrainingSession(
              classes, Classifier.BATCH, TrainingConfig.COMPETITION_LEARNING_RATE)) {
        untrained = new TrainedModel(session.snapshot(), classes, 0, Double.NaN, List.of());
      }
      try (Classifier classifier = untrained.open()) {
        classifier.logits(val.inputs(), Progress.NONE);
        MachineLoad start = MachineLoad.now();
        for (int i = 0; i < passes; i++) {
          classifier.logits(val.inputs(), Progress.NONE);
        }
        return result(Classifier.BATCH, (long) passes * val.size(), start);
      }
    } finally {
      TorchEngine.release();
    }
  }

  private static Result result(int batchSize, long images, MachineLoad start) {
    MachineLoad.Interval load = start.stop();
    return new Result(batchSize, images, load.wallS(), load.ownCores(), load.otherCores());
  }
}

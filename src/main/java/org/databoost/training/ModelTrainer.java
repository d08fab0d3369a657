package org.databoost.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.databoost.task.Progress;

/**
 * Trains one fixed model with the competition's protocol: softmax cross-entropy from logits, Adam
 * (epsilon 1e-7), seeded shuffling every epoch, last partial batch kept, and the parameters of the
 * epoch with the best validation accuracy kept (the first such epoch on ties, like Keras'
 * ModelCheckpoint); with a patience, training stops after that many epochs without improvement.
 *
 * <p>The caller holds the training lock and has started the engine ({@link TorchEngine}).
 */
final class ModelTrainer {
  private final TrainingConfig config;
  private final Progress progress;
  private final String stagePrefix;

  /**
   * @param stagePrefix put before "train epoch e/E" in progress stage names (e.g. "fold 2/5: ")
   */
  ModelTrainer(TrainingConfig config, Progress progress, String stagePrefix) {
    this.config = config;
    this.progress = progress;
    this.stagePrefix = stagePrefix;
  }

  /**
   * Trains on {@code train}, selecting the epoch on {@code val} (the last epoch if it is empty).
   */
  TrainedModel train(TensorSet train, TensorSet val, int classes, long seed) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("no training images");
    }
    TorchEngine.seed(seed);
    Random shuffle = new Random(seed);
    try (TrainingSession session =
        new TrainingSession(classes, config.batchSize(), config.learningRate())) {
      return loop(session, train, val, classes, shuffle);
    }
  }

  private TrainedModel loop(
      TrainingSession session, TensorSet train, TensorSet val, int classes, Random shuffle) {
    List<EpochStats> history = new ArrayList<>();
    byte[] best = null;
    int bestEpoch = 0;
    double bestAcc = Double.NEGATIVE_INFINITY;
    int[] order = identity(train.size());
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      long start = System.nanoTime();
      shuffleInPlace(order, shuffle);
      String stage = stagePrefix + "train epoch " + epoch + "/" + config.epochs();
      double loss = trainEpoch(session, train, order, stage);
      double acc = Double.NaN;
      if (val.size() > 0) {
        acc = Classifier.accuracy(session.logits(val.inputs(), progress), val.labels());
      }
      history.add(new EpochStats(epoch, loss, acc, (System.nanoTime() - start) / 1e9));
      if (val.size() == 0 || acc > bestAcc) {
        best = session.snapshot();
        bestEpoch = epoch;
        bestAcc = acc;
      } else if (config.patience() > 0 && epoch - bestEpoch >= config.patience()) {
        break;
      }
    }
    double bestValAccuracy = val.size() == 0 ? Double.NaN : bestAcc;
    return new TrainedModel(best, classes, bestEpoch, bestValAccuracy, List.copyOf(history));
  }

  /** One pass over the shuffled training images; returns the mean loss per image. */
  private double trainEpoch(TrainingSession session, TensorSet train, int[] order, String stage) {
    int n = train.size();
    int batch = config.batchSize();
    int steps = (n + batch - 1) / batch;
    double lossSum = 0;
    for (int s = 0; s < steps; s++) {
      progress.checkCancelled();
      int from = s * batch;
      int to = Math.min(n, from + batch);
      lossSum += (double) session.step(train, order, from, to) * (to - from);
      progress.update(stage, s + 1, steps);
    }
    return lossSum / n;
  }

  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Fisher-Yates with our own generator, so that the order depends on the seed only. */
  static void shuffleInPlace(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}

package org.databoost.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.databoost.task.Progress;

/**
 * Trains one fixed model with the competition's protocol: softmax cross-entropy from logits, Adam
 * (epsilon 1e-7), seeded shuffling every epoch, last partial batch kept, and the parameters of the
 * epoch with the best validation accuracy kept (the first such epoch on ties, like Keras'
 * ModelCheckpoint).
 *
 * <p>The caller holds the training lock and has started the engine ({@link TorchRuntime}).
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
    TorchRuntime.seed(seed);
    Random shuffle = new Random(seed);
    try (Model model = Model.newInstance("fixed-model", Device.cpu(), TorchRuntime.ENGINE)) {
      model.setBlock(FixedModel.block(classes));
      try (Trainer trainer = model.newTrainer(djlConfig())) {
        trainer.initialize(new Shape(config.batchSize()).addAll(FixedModel.IMAGE_SHAPE));
        return loop(trainer, train, val, classes, shuffle);
      }
    }
  }

  private TrainedModel loop(
      Trainer trainer, TensorSet train, TensorSet val, int classes, Random shuffle) {
    List<EpochStats> history = new ArrayList<>();
    byte[] best = null;
    int bestEpoch = 0;
    double bestAcc = Double.NEGATIVE_INFINITY;
    int[] order = identity(train.size());
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      long start = System.nanoTime();
      shuffleInPlace(order, shuffle);
      double loss =
          trainEpoch(
              trainer, train, order, stagePrefix + "train epoch " + epoch + "/" + config.epochs());
      double acc = Double.NaN;
      if (val.size() > 0) {
        float[][] logits =
            Classifier.logits(trainer::evaluate, trainer.getManager(), val.inputs(), progress);
        acc = Classifier.accuracy(logits, val.labels());
      }
      history.add(new EpochStats(epoch, loss, acc, (System.nanoTime() - start) / 1e9));
      boolean improved = val.size() == 0 || acc > bestAcc;
      if (improved) {
        best = snapshot(trainer.getModel().getBlock());
        bestEpoch = epoch;
        bestAcc = acc;
      } else if (config.patience() > 0 && epoch - bestEpoch >= config.patience()) {
        break;
      }
    }
    return new TrainedModel(
        best, classes, bestEpoch, val.size() == 0 ? Double.NaN : bestAcc, history);
  }

  /** One pass over the shuffled training images; returns the mean loss per image. */
  private double trainEpoch(Trainer trainer, TensorSet train, int[] order, String stage) {
    int n = train.size();
    int batch = config.batchSize();
    int steps = (n + batch - 1) / batch;
    double lossSum = 0;
    for (int s = 0; s < steps; s++) {
      progress.checkCancelled();
      int from = s * batch;
      int to = Math.min(n, from + batch);
      // Everything a step creates lives in this sub-manager: without it arrays pile up natively.
      try (NDManager step = trainer.getManager().newSubManager()) {
        NDArray x =
            step.create(
                train.gather(order, from, to), new Shape(to - from).addAll(FixedModel.IMAGE_SHAPE));
        long[] y = new long[to - from];
        for (int i = from; i < to; i++) {
          y[i - from] = train.labels()[order[i]];
        }
        NDArray labels = step.create(y);
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList logits = trainer.forward(new NDList(x));
          NDArray loss = trainer.getLoss().evaluate(new NDList(labels), logits);
          collector.backward(loss);
          lossSum += loss.getFloat() * (to - from);
        }
        trainer.step();
      }
      progress.update(stage, s + 1, steps);
    }
    return lossSum / n;
  }

  private DefaultTrainingConfig djlConfig() {
    Adam adam =
        Adam.builder()
            .optLearningRateTracker(Tracker.fixed(config.learningRate()))
            .optEpsilon(1e-7f)
            .build();
    return new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss())
        .optOptimizer(adam)
        .optDevices(new Device[] {Device.cpu()})
        .optInitializer(
            new XavierInitializer(
                XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3),
            Parameter.Type.WEIGHT);
  }

  private static byte[] snapshot(Block block) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
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

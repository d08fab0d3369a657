package org.databoost.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
import org.databoost.task.Progress;

/**
 * A freshly initialised fixed model with its DJL trainer: one optimisation step at a time. The
 * caller holds the training lock, has started the engine and has seeded it ({@link TorchEngine}).
 */
final class TrainingSession implements AutoCloseable {
  private final Model model;
  private final Trainer trainer;

  TrainingSession(int classes, int batchSize, float learningRate) {
    model = Model.newInstance("fixed-model", Device.cpu(), TorchEngine.ENGINE);
    try {
      model.setBlock(FixedModel.block(classes));
      trainer = model.newTrainer(djlConfig(learningRate));
      trainer.initialize(new Shape(batchSize).addAll(FixedModel.IMAGE_SHAPE));
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static DefaultTrainingConfig djlConfig(float learningRate) {
    Adam adam =
        Adam.builder()
            .optLearningRateTracker(Tracker.fixed(learningRate))
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

  /**
   * One step on the images at {@code order[from..to)} of {@code data}; returns the batch's mean
   * loss.
   */
  float step(TensorSet data, int[] order, int from, int to) {
    // Everything a step creates lives in this sub-manager: without it arrays pile up natively.
    try (NDManager step = trainer.getManager().newSubManager()) {
      NDArray x = data.batch(step, order, from, to);
      long[] y = new long[to - from];
      for (int i = from; i < to; i++) {
        y[i - from] = data.labels()[order[i]];
      }
      float loss;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList logits = trainer.forward(new NDList(x));
        NDArray lossArray = trainer.getLoss().evaluate(new NDList(step.create(y)), logits);
        collector.backward(lossArray);
        loss = lossArray.getFloat();
      }
      trainer.step();
      return loss;
    }
  }

  /** Inference-mode logits of the current weights (BatchNorm uses its running statistics). */
  float[][] logits(float[][] inputs, Progress progress) {
    return Classifier.logits(trainer::evaluate, trainer.getManager(), inputs, progress);
  }

  /**
   * The current parameters and BatchNorm statistics, as {@code Block.saveParameters} writes them.
   */
  byte[] snapshot() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      model.getBlock().saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    try {
      trainer.close();
    } finally {
      model.close();
    }
  }
}

package org.databoost.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;
import org.databoost.analysis.ClassRows;
import org.databoost.task.Progress;

/**
 * A trained fixed model loaded into a fresh DJL {@link Model} with its own {@link ParameterStore},
 * for inference. (Loading parameters under a live trainer silently keeps the old weights, so kept
 * weights are always evaluated this way.)
 */
public final class Classifier implements AutoCloseable {
  /** Images per inference batch; validation during training uses the same size. */
  static final int BATCH = 64;

  private final Model model;
  private final ParameterStore store;

  private Classifier(Model model) {
    this.model = model;
    this.store = new ParameterStore(model.getNDManager(), false);
  }

  static Classifier load(TrainedModel trained) {
    Model model = Model.newInstance("fixed-model", Device.cpu(), TorchEngine.ENGINE);
    try {
      Block block = FixedModel.block(trained.classes());
      model.setBlock(block);
      FixedModel.initialize(block, model.getNDManager());
      try (DataInputStream in =
          new DataInputStream(new ByteArrayInputStream(trained.parameters()))) {
        block.loadParameters(model.getNDManager(), in);
      }
      return new Classifier(model);
    } catch (IOException e) {
      model.close();
      throw new UncheckedIOException(e);
    } catch (MalformedModelException | RuntimeException e) {
      model.close();
      throw new IllegalStateException("cannot load trained parameters: " + e.getMessage(), e);
    }
  }

  /** The logits of every input, in batches of {@link #BATCH}; checks for cancel between batches. */
  public float[][] logits(float[][] inputs, Progress progress) {
    Block block = model.getBlock();
    return logits(
        list -> block.forward(store, list, false), model.getNDManager(), inputs, progress);
  }

  /** The class probabilities (softmax of the logits) of every input, as {@link #logits}. */
  public float[][] probabilities(float[][] inputs, Progress progress) {
    float[][] logits = logits(inputs, progress);
    for (int i = 0; i < logits.length; i++) {
      logits[i] = Softmax.probabilities(logits[i]);
    }
    return logits;
  }

  /**
   * Runs {@code forward} (in inference mode) over {@code inputs} in batches, each batch's arrays in
   * a sub-manager closed at once.
   */
  static float[][] logits(
      UnaryOperator<NDList> forward, NDManager parent, float[][] inputs, Progress progress) {
    TorchEngine.noGradients(); // gradient mode is per thread
    float[][] out = new float[inputs.length][];
    int[] order = new int[inputs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    TensorSet all = new TensorSet(inputs, new int[inputs.length]);
    for (int from = 0; from < inputs.length; from += BATCH) {
      progress.checkCancelled();
      int to = Math.min(inputs.length, from + BATCH);
      try (NDManager step = parent.newSubManager()) {
        NDArray x = all.batch(step, order, from, to);
        float[] flat = forward.apply(new NDList(x)).singletonOrThrow().toFloatArray();
        int classes = flat.length / (to - from);
        for (int i = from; i < to; i++) {
          float[] row = new float[classes];
          System.arraycopy(flat, (i - from) * classes, row, 0, classes);
          out[i] = row;
        }
      }
    }
    return out;
  }

  /** Fraction of rows whose largest logit is at the label's index (NaN when empty). */
  static double accuracy(float[][] logits, int[] labels) {
    if (labels.length == 0) {
      return Double.NaN;
    }
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (ClassRows.argmax(logits[i]) == labels[i]) {
        correct++;
      }
    }
    return (double) correct / labels.length;
  }

  @Override
  public void close() {
    model.close();
  }
}

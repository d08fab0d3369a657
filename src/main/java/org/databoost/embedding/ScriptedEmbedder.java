package org.databoost.embedding;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;

/**
 * An embedder around a loaded network of a user's file or a model zoo (TorchScript through the
 * PyTorch engine, ONNX through ONNX Runtime): {@link InputSpec} prepares the input, the network's
 * one output, flattened per image, is the vector.
 */
abstract class ScriptedEmbedder extends PreparedEmbedder {
  /** Images per batch when the network takes any batch size. */
  static final int BATCH = 16;

  private final Model model;
  private final InputSpec spec;
  private final Shape inputShape;
  private final ParameterStore store;
  private final int fixedBatch;
  private final int dimension;

  /** A network that takes any batch size; see {@link #ScriptedEmbedder(Model, InputSpec, int)}. */
  ScriptedEmbedder(Model model, InputSpec spec) {
    this(model, spec, 0);
  }

  /**
   * Takes ownership of {@code model}; runs one blank image to learn the output length.
   *
   * @param fixedBatch the batch size the network was exported with, or 0 when it takes any: a
   *     fixed-size network gets batches of exactly that many images, the last one padded with zeros
   */
  ScriptedEmbedder(Model model, InputSpec spec, int fixedBatch) {
    super(fixedBatch > 0 ? fixedBatch : BATCH);
    this.model = model;
    this.spec = spec;
    this.inputShape = new Shape(spec.channels(), spec.height(), spec.width());
    this.store = new ParameterStore(model.getNDManager(), false);
    this.fixedBatch = fixedBatch;
    this.dimension = forward(new float[][] {new float[spec.length()]})[0].length;
  }

  /** The input preparation. */
  public InputSpec inputSpec() {
    return spec;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  protected float[] prepare(BufferedImage image) {
    return spec.of(image);
  }

  /** Engine settings that hold per thread, made on the thread that runs the network. */
  protected abstract void onInferenceThread();

  @Override
  protected synchronized float[][] forward(float[][] inputs) {
    onInferenceThread();
    int rows = fixedBatch > 0 ? fixedBatch : inputs.length;
    return NetworkBatch.run(
        model.getBlock(), store, model.getNDManager(), inputs, inputShape, rows);
  }

  @Override
  public void close() {
    model.close();
  }
}

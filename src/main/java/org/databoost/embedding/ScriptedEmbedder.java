package org.databoost.embedding;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;

/**
 * An embedder around a loaded TorchScript network: {@link InputSpec} prepares the input, the
 * network's output, flattened per image, is the vector.
 */
abstract class ScriptedEmbedder extends PreparedEmbedder {
  private static final int BATCH = 16;

  private final Model model;
  private final InputSpec spec;
  private final Shape inputShape;
  private final ParameterStore store;
  private final int dimension;

  /** Takes ownership of {@code model}; runs one blank image to learn the output length. */
  ScriptedEmbedder(Model model, InputSpec spec) {
    super(BATCH);
    this.model = model;
    this.spec = spec;
    this.inputShape = new Shape(spec.channels(), spec.height(), spec.width());
    this.store = new ParameterStore(model.getNDManager(), false);
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

  @Override
  protected synchronized float[][] forward(float[][] inputs) {
    return GlyphEmbedder.forward(model.getBlock(), store, model.getNDManager(), inputs, inputShape);
  }

  @Override
  public void close() {
    model.close();
  }
}

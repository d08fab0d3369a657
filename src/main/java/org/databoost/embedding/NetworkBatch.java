package org.databoost.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * One inference batch through a DJL block, whatever its engine: the inputs stacked into {@code rows
 * x inputShape} (rows past the inputs are zeros, for networks with a fixed batch size), the one
 * output flattened per row (all values after the batch axis, row-major). Its arrays live in a
 * sub-manager closed at once.
 */
final class NetworkBatch {
  private NetworkBatch() {}

  static float[][] run(
      Block block,
      ParameterStore store,
      NDManager parent,
      float[][] inputs,
      Shape inputShape,
      int rows) {
    int n = inputs.length;
    if (rows < n) {
      throw new IllegalArgumentException(n + " inputs do not fit a batch of " + rows);
    }
    int length = (int) inputShape.size();
    float[] flat = new float[rows * length];
    for (int i = 0; i < n; i++) {
      System.arraycopy(inputs[i], 0, flat, i * length, length);
    }
    try (NDManager step = parent.newSubManager()) {
      NDArray x = step.create(flat, new Shape(rows).addAll(inputShape));
      NDArray y = block.forward(store, new NDList(x), false).singletonOrThrow();
      float[] values = y.toFloatArray();
      if (values.length % rows != 0) {
        throw new IllegalStateException(
            "the output " + y.getShape() + " has no row per image of the batch of " + rows);
      }
      int dim = values.length / rows;
      float[][] out = new float[n][dim];
      for (int i = 0; i < n; i++) {
        System.arraycopy(values, i * dim, out[i], 0, dim);
      }
      return out;
    }
  }
}

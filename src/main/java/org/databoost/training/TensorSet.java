package org.databoost.training;

/**
 * Pre-processed model inputs with their label indices, decoded once before training.
 *
 * @param inputs one {@code float[ImageTensors.LENGTH]} per image
 * @param labels the label index of each image
 */
record TensorSet(float[][] inputs, int[] labels) {
  TensorSet {
    if (inputs.length != labels.length) {
      throw new IllegalArgumentException(
          inputs.length + " inputs but " + labels.length + " labels");
    }
  }

  int size() {
    return labels.length;
  }

  /** The images at these positions, in this order. */
  TensorSet subset(int[] positions) {
    float[][] x = new float[positions.length][];
    int[] y = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      x[i] = inputs[positions[i]];
      y[i] = labels[positions[i]];
    }
    return new TensorSet(x, y);
  }

  /** Copies the inputs at {@code order[from..to)} into one contiguous NCHW buffer. */
  float[] gather(int[] order, int from, int to) {
    float[] batch = new float[(to - from) * ImageTensors.LENGTH];
    for (int i = from; i < to; i++) {
      System.arraycopy(
          inputs[order[i]], 0, batch, (i - from) * ImageTensors.LENGTH, ImageTensors.LENGTH);
    }
    return batch;
  }
}

package org.databoost.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Pre-processed model inputs with their label indices, decoded once before training.
 *
 * @param inputs one {@code float[ImageTensors.LENGTH]} per image
 * @param labels the label index of each image
 */
record TensorSet(float[][] inputs, int[] labels) {
  private static final int SIZE = ImageTensors.SIZE;
  private static final int PLANE = SIZE * SIZE;
  private static final int CHANNELS = ImageTensors.LENGTH / PLANE;

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

  /**
   * The inputs at {@code order[from..to)} as one array of shape (n, 3, 32, 32) whose memory is laid
   * out channels-last (NHWC), attached to {@code manager}.
   *
   * <p>PyTorch carries an input's memory format through the network: with a channels-last input,
   * oneDNN runs every convolution without reordering to and from its own layout, and BatchNorm,
   * ReLU and the max-pool (forward and backward) run their kernels vectorised across channels. A
   * training step at batch 64 takes about a fifth less time than with the same values in NCHW
   * (docs/training.md, section 2c). The values, and so the model, are the same either way; only the
   * floating-point rounding of the kernels differs.
   */
  NDArray batch(NDManager manager, int[] order, int from, int to) {
    return manager
        .create(gatherChannelsLast(order, from, to), new Shape(to - from, SIZE, SIZE, CHANNELS))
        .transpose(0, 3, 1, 2);
  }

  /** The inputs at {@code order[from..to)}, each transposed from CHW to HWC, one after another. */
  float[] gatherChannelsLast(int[] order, int from, int to) {
    float[] batch = new float[(to - from) * ImageTensors.LENGTH];
    int o = 0;
    for (int i = from; i < to; i++) {
      float[] x = inputs[order[i]];
      for (int p = 0; p < PLANE; p++) {
        for (int c = 0; c < CHANNELS; c++) {
          batch[o++] = x[c * PLANE + p];
        }
      }
    }
    return batch;
  }
}

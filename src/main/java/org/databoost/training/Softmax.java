package org.databoost.training;

/** Probabilities and losses from logits, computed stably in double precision. */
final class Softmax {
  private Softmax() {}

  static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  static float[] probabilities(float[] logits) {
    double max = logits[argmax(logits)];
    double sum = 0;
    double[] e = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      e[i] = Math.exp(logits[i] - max);
      sum += e[i];
    }
    float[] p = new float[logits.length];
    for (int i = 0; i < logits.length; i++) {
      p[i] = (float) (e[i] / sum);
    }
    return p;
  }

  /** Cross-entropy of the given label: {@code -log softmax(logits)[label]}. */
  static float crossEntropy(float[] logits, int label) {
    double max = logits[argmax(logits)];
    double sum = 0;
    for (float l : logits) {
      sum += Math.exp(l - max);
    }
    return (float) (Math.log(sum) + max - logits[label]);
  }
}

package org.databoost.training;

import org.databoost.analysis.ClassRows;

/** Probabilities and losses from logits, computed stably in double precision. */
final class Softmax {
  private Softmax() {}

  static float[] probabilities(float[] logits) {
    double max = logits[ClassRows.argmax(logits)];
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
    double max = logits[ClassRows.argmax(logits)];
    double sum = 0;
    for (float l : logits) {
      sum += Math.exp(l - max);
    }
    return (float) (Math.log(sum) + max - logits[label]);
  }
}

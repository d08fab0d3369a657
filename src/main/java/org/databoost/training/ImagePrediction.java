package org.databoost.training;

import org.databoost.analysis.ClassRows;
import org.databoost.dataset.Split;

/**
 * What the fixed model says about one image.
 *
 * @param id the image's relative path
 * @param split the split the image belongs to
 * @param givenIndex index of the label the dataset gives it
 * @param predictedIndex index of the most probable label
 * @param probabilities softmax over the labels
 * @param loss cross-entropy of the given label, {@code -ln probabilities[givenIndex]}
 * @param fold cross-validation fold that held this training image out, or -1
 * @param inSample whether the predicting model was trained on this image
 */
public record ImagePrediction(
    String id,
    Split split,
    int givenIndex,
    int predictedIndex,
    float[] probabilities,
    float loss,
    int fold,
    boolean inSample) {

  /** Probability of the predicted label. */
  public float confidence() {
    return probabilities[predictedIndex];
  }

  /** Probability of the given label. */
  public float selfConfidence() {
    return probabilities[givenIndex];
  }

  /**
   * Probability of the given label minus the largest probability among the other labels: negative
   * when the model prefers another label.
   */
  public float margin() {
    float other = 0;
    for (int i = 0; i < probabilities.length; i++) {
      if (i != givenIndex) {
        other = Math.max(other, probabilities[i]);
      }
    }
    return probabilities[givenIndex] - other;
  }

  public boolean correct() {
    return predictedIndex == givenIndex;
  }

  /** Builds the prediction from the model's logits. */
  static ImagePrediction of(
      LabelledImage image, Split split, float[] logits, int fold, boolean inSample) {
    return new ImagePrediction(
        image.id(),
        split,
        image.labelIndex(),
        ClassRows.argmax(logits),
        Softmax.probabilities(logits),
        Softmax.crossEntropy(logits, image.labelIndex()),
        fold,
        inSample);
  }
}

package org.databoost.workspace;

import org.databoost.dataset.Split;

/**
 * What a run said about one image.
 *
 * @param path the image, relative to the dataset root ('/' separators)
 * @param hash the content hash of the image the prediction was made on
 * @param split the split's folder name (train, val, test, label_book)
 * @param given index of the given label in the run's labels
 * @param predicted index of the predicted label
 * @param probabilities one probability per label
 * @param fold the cross-validation fold that predicted it out of sample; -1 for the main model
 * @param inSample whether the model that predicted it was trained on it
 * @param issue "" when unflagged, else e.g. "label error" or "not a numeral"
 * @param suggested index of the suggested label (the given one when unflagged)
 * @param quality label quality score in 0..1, lower meaning a likelier label error
 * @param judges which judges decided the flag and how sure they were ("" when unflagged)
 */
public record PredictionRecord(
    String path,
    String hash,
    Split split,
    int given,
    int predicted,
    float loss,
    float[] probabilities,
    int fold,
    boolean inSample,
    String issue,
    int suggested,
    float quality,
    String judges) {

  /** A record without the judges' line (unflagged, or flagged by the model alone). */
  public PredictionRecord(
      String path,
      String hash,
      Split split,
      int given,
      int predicted,
      float loss,
      float[] probabilities,
      int fold,
      boolean inSample,
      String issue,
      int suggested,
      float quality) {
    this(
        path,
        hash,
        split,
        given,
        predicted,
        loss,
        probabilities,
        fold,
        inSample,
        issue,
        suggested,
        quality,
        "");
  }

  /** The highest class probability. */
  public float confidence() {
    float max = 0;
    for (float p : probabilities) {
      max = Math.max(max, p);
    }
    return max;
  }

  /** The probability of the given label. */
  public float selfConfidence() {
    return probabilities[given];
  }
}

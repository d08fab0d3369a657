package org.databoost.report;

import java.util.Objects;
import org.databoost.dataset.Split;

/**
 * One image of the report.
 *
 * @param file the image's path relative to the dataset root
 * @param split the split the image is in
 * @param givenLabel the label the dataset gives it
 * @param predictedLabel the model's prediction
 * @param loss the cross-entropy loss of the given label; NaN when unknown (left blank)
 * @param confidence the probability of the predicted label; NaN when unknown
 * @param selfConfidence the probability of the given label; NaN when unknown
 * @param issue what the analysis found
 * @param suggestedLabel the label to consider instead; null or empty when none
 * @param thumbnailPng a small PNG of the image, or null; only the rows chosen by {@link
 *     ReportOptions#thumbnailLimit()} get a picture
 * @param quality the label-quality score in [0, 1] (lower: likelier wrong); NaN when unknown
 * @param judges which judges decided the flag and how sure they were; empty when none
 */
public record ImageRow(
    String file,
    Split split,
    String givenLabel,
    String predictedLabel,
    double loss,
    double confidence,
    double selfConfidence,
    IssueFlag issue,
    String suggestedLabel,
    byte[] thumbnailPng,
    double quality,
    String judges) {

  /** A row without a label-quality score or judges. */
  public ImageRow(
      String file,
      Split split,
      String givenLabel,
      String predictedLabel,
      double loss,
      double confidence,
      double selfConfidence,
      IssueFlag issue,
      String suggestedLabel,
      byte[] thumbnailPng) {
    this(
        file,
        split,
        givenLabel,
        predictedLabel,
        loss,
        confidence,
        selfConfidence,
        issue,
        suggestedLabel,
        thumbnailPng,
        Double.NaN,
        "");
  }

  public ImageRow {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(givenLabel, "givenLabel");
    Objects.requireNonNull(predictedLabel, "predictedLabel");
    Objects.requireNonNull(issue, "issue");
  }
}

package org.databoost.app.images;

/**
 * One row of the image table: the catalog's facts joined with the latest run's prediction. Numbers
 * are NaN and texts empty while there is no run.
 */
public record ImageItem(
    String path,
    String split,
    String given,
    String predicted,
    double loss,
    double confidence,
    double selfConfidence,
    String issue,
    String suggested,
    String provenance,
    float[] probabilities) {

  /** Whether the latest run predicted another label than the given one. */
  public boolean misclassified() {
    return !predicted.isEmpty() && !predicted.equals(given);
  }

  public boolean flagged() {
    return !issue.isEmpty();
  }

  /** The file name alone, for display. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}

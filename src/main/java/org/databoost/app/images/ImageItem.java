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
    float[] probabilities,
    int duplicateGroup,
    double outlier) {

  /** Whether the latest run predicted another label than the given one. */
  public boolean misclassified() {
    return !predicted.isEmpty() && !predicted.equals(given);
  }

  /** Whether a Boost round added this image (its provenance says so). */
  public boolean addedByBoost() {
    return org.databoost.boost.BoostService.isBoostProvenance(provenance);
  }

  public boolean flagged() {
    return !issue.isEmpty();
  }

  /** The near-duplicate group as the table shows it, 1-based; empty when none. */
  public String duplicateText() {
    return duplicateGroup < 0 ? "" : Integer.toString(duplicateGroup + 1);
  }

  /** The file name alone, for display. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}

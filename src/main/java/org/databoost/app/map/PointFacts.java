package org.databoost.app.map;

/**
 * What the hover card says about one point.
 *
 * @param predicted the latest run's label, empty without a run
 */
public record PointFacts(
    int index,
    String path,
    String split,
    String given,
    String predicted,
    boolean misclassified,
    boolean addedByBoost) {

  /** The file name alone, for display. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** One line: split, given label and, when there is a run, the predicted one. */
  public String labels() {
    StringBuilder sb = new StringBuilder(split).append(" · given ").append(given);
    if (!predicted.isEmpty()) {
      sb.append(" · predicted ").append(predicted);
    }
    if (addedByBoost) {
      sb.append(" · added by Boost");
    }
    return sb.toString();
  }
}

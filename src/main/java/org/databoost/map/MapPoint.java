package org.databoost.map;

import org.databoost.dataset.Split;

/**
 * One image on the 2-D map.
 *
 * @param label the given label
 * @param misclassified whether the latest run predicted another label than the given one
 * @param predicted the latest run's label for the image; empty when there is no run or the image
 *     was not in it
 */
public record MapPoint(
    String path,
    Split split,
    String label,
    float x,
    float y,
    boolean misclassified,
    String predicted) {

  /** A point without a prediction (there is no run yet). */
  public MapPoint(String path, Split split, String label, float x, float y, boolean wrong) {
    this(path, split, label, x, y, wrong, "");
  }
}

package org.databoost.map;

/**
 * One image on the 2-D map.
 *
 * @param misclassified whether the latest run predicted another label than the given one
 */
public record MapPoint(
    String path, String split, String label, float x, float y, boolean misclassified) {}

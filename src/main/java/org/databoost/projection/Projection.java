package org.databoost.projection;

/**
 * A 2-D map with one point for every input row, in input order: {@code x[i], y[i]} are finite for
 * every row. {@code component[i]} is the connected component of the neighbour graph that row {@code
 * i} belongs to (0 = largest); rows of different components have no neighbour links, so their
 * distance on the map carries no meaning.
 */
public record Projection(float[] x, float[] y, int[] component, int components) {

  public int size() {
    return x.length;
  }
}

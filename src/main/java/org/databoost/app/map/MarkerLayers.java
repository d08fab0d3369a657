package org.databoost.app.map;

import java.util.BitSet;

/**
 * Which marker each point gets and the order they are drawn in, for one {@link MapPalette}. Layers
 * are drawn bottom to top: while a selection exists the unselected points are drawn faded first, so
 * the selection stands out on top; within each group in the palette's category order, Boost's
 * images last.
 */
final class MarkerLayers {
  private final MapPalette palette;
  private final int categories;
  private final byte[] layer;
  private final int[] order;
  private final int[] perLayer;

  private MarkerLayers(MapPalette palette, byte[] layer, int[] order, int[] perLayer) {
    this.palette = palette;
    this.categories = palette.size();
    this.layer = layer;
    this.order = order;
    this.perLayer = perLayer;
  }

  /**
   * @param selected the selected points; when empty nothing is faded
   * @param boosted the points Boost added (drawn as such whatever their category)
   */
  static MarkerLayers of(MapPalette palette, BitSet selected, BitSet boosted) {
    byte[] kinds = palette.kinds();
    int categories = palette.size();
    int n = kinds.length;
    int count = 2 * categories;
    boolean fade = !selected.isEmpty();
    byte[] layer = new byte[n];
    int[] start = new int[count + 1];
    for (int i = 0; i < n; i++) {
      int kind = boosted.get(i) ? categories - 1 : kinds[i];
      layer[i] = (byte) (kind + (fade && !selected.get(i) ? 0 : categories));
      start[(layer[i] & 0xff) + 1]++;
    }
    int[] perLayer = java.util.Arrays.copyOfRange(start, 1, count + 1);
    for (int l = 0; l < count; l++) {
      start[l + 1] += start[l];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[start[layer[i] & 0xff]++] = i;
    }
    return new MarkerLayers(palette, layer, order, perLayer);
  }

  int size() {
    return order.length;
  }

  /** The palette whose categories these are. */
  MapPalette palette() {
    return palette;
  }

  /** How many categories (the palette's); layers are twice as many, faded then full. */
  int categories() {
    return categories;
  }

  /** The k-th point to draw. */
  int drawn(int k) {
    return order[k];
  }

  /** The point's layer: its category, plus {@link #categories()} when drawn at full strength. */
  int layer(int i) {
    return layer[i] & 0xff;
  }

  /** Whether the point is drawn at full strength (in the selection, or there is none). */
  boolean full(int i) {
    return layer(i) >= categories;
  }

  /** How many points have this category, faded or not (the legend's counts). */
  int count(int kind) {
    return perLayer[kind] + perLayer[kind + categories];
  }
}

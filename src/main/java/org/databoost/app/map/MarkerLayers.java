package org.databoost.app.map;

import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * Which marker each point gets and the order they are drawn in, for one {@link MapPalette}. Layers
 * are drawn bottom to top: while a selection exists the unselected points are drawn faded first, so
 * the selection stands out on top; within each group in the palette's category order, Boost's
 * images last.
 */
final class MarkerLayers {
  /** Below this many points one thread is quicker than handing blocks out. */
  private static final int PARALLEL_FROM = 100_000;

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
    long[] sel = selected.toLongArray();
    long[] boost = boosted.toLongArray();
    byte[] layer = new byte[n];
    // Blocks of whole 64-bit words, each counted and then placed on its own core: a stable
    // counting sort, so the drawing order is the same as one thread's.
    int blocks = n < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors() * 2;
    int perBlock = ((n + 63) / 64 + blocks - 1) / blocks * 64;
    int[][] counts = new int[blocks][count];
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b -> {
              int[] c = counts[b];
              for (int i = b * perBlock, end = Math.min(n, (b + 1) * perBlock); i < end; i++) {
                int kind = bit(boost, i) ? categories - 1 : kinds[i];
                int l = kind + (fade && !bit(sel, i) ? 0 : categories);
                layer[i] = (byte) l;
                c[l]++;
              }
            });
    int[] perLayer = new int[count];
    int[][] start = new int[blocks][count];
    int next = 0;
    for (int l = 0; l < count; l++) {
      for (int b = 0; b < blocks; b++) {
        start[b][l] = next;
        next += counts[b][l];
        perLayer[l] += counts[b][l];
      }
    }
    int[] order = new int[n];
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b -> {
              int[] at = start[b];
              for (int i = b * perBlock, end = Math.min(n, (b + 1) * perBlock); i < end; i++) {
                order[at[layer[i] & 0xff]++] = i;
              }
            });
    return new MarkerLayers(palette, layer, order, perLayer);
  }

  private static boolean bit(long[] words, int i) {
    int w = i >>> 6;
    return w < words.length && (words[w] & (1L << i)) != 0;
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

package org.databoost.app.map;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * Which marker each point gets and the order they are drawn in, for one {@link MapPalette}. Layers
 * are drawn bottom to top: while a selection exists the unselected points are drawn faded first, so
 * the selection stands out on top; within each group in the palette's category order, Boost's
 * images last.
 *
 * <p>The points sorted by category (the expensive part at 1M points) depend on the palette and
 * Boost's images only, so a new selection ({@link #withSelection}) reuses them: the drawing order
 * is that sorted order twice, first the unselected points (faded), then the selected ones. A lasso
 * around 1M points thus costs no sort.
 */
final class MarkerLayers {
  /** Below this many points one thread is quicker than handing blocks out. */
  private static final int PARALLEL_FROM = 100_000;

  private final ByCategory sorted;
  private final long[] selected;
  private final boolean fade;
  private int[] order; // the drawing order, built only when asked for one point at a time

  private MarkerLayers(ByCategory sorted, BitSet selection) {
    this.sorted = sorted;
    this.fade = !selection.isEmpty();
    this.selected = Arrays.copyOf(selection.toLongArray(), (sorted.order.length + 63) >>> 6);
  }

  /**
   * @param selected the selected points; when empty nothing is faded
   * @param boosted the points Boost added (drawn as such whatever their category)
   */
  static MarkerLayers of(MapPalette palette, BitSet selected, BitSet boosted) {
    return new MarkerLayers(ByCategory.of(palette, boosted), selected);
  }

  /** The same palette and Boost images with another selection; sorts nothing. */
  MarkerLayers withSelection(BitSet newSelection) {
    return new MarkerLayers(sorted, newSelection);
  }

  private static boolean bit(long[] words, int i) {
    int w = i >>> 6;
    return w < words.length && (words[w] & (1L << i)) != 0;
  }

  int size() {
    return sorted.order.length;
  }

  /** The palette whose categories these are. */
  MapPalette palette() {
    return sorted.palette;
  }

  /** How many categories (the palette's); layers are twice as many, faded then full. */
  int categories() {
    return sorted.categories;
  }

  /** Whether a selection exists, so that the points outside it are drawn faded first. */
  boolean fades() {
    return fade;
  }

  /**
   * The points by category (then by index); the drawing order is this order for the faded points,
   * then again for the full ones. The raster's to read, never to change.
   */
  int[] byCategory() {
    return sorted.order;
  }

  /** Each point's category (Boost's images have the last); never to change. */
  byte[] kinds() {
    return sorted.kind;
  }

  /**
   * The selection's bits, a word per 64 points, as many words as cover every point (so that a
   * point's word is always there); never to change.
   */
  long[] selectedWords() {
    return selected;
  }

  /** The k-th point to draw. */
  int drawn(int k) {
    if (order == null) {
      int n = size();
      int[] o = new int[n];
      int at = 0;
      for (int pass = fade ? 0 : 1; pass < 2; pass++) {
        for (int j = 0; j < n; j++) {
          int i = sorted.order[j];
          if (full(i) == (pass == 1)) {
            o[at++] = i;
          }
        }
      }
      order = o;
    }
    return order[k];
  }

  /** The point's layer: its category, plus {@link #categories()} when drawn at full strength. */
  int layer(int i) {
    return (sorted.kind[i] & 0xff) + (full(i) ? sorted.categories : 0);
  }

  /** Whether the point is drawn at full strength (in the selection, or there is none). */
  boolean full(int i) {
    return !fade || bit(selected, i);
  }

  /** How many points have this category, faded or not (the legend's counts). */
  int count(int kind) {
    return sorted.perKind[kind];
  }

  /** Each point's category (Boost's images marked) and the points sorted by it, stably. */
  private record ByCategory(
      MapPalette palette, int categories, byte[] kind, int[] order, int[] perKind) {
    static ByCategory of(MapPalette palette, BitSet boosted) {
      byte[] kinds = palette.kinds();
      int categories = palette.size();
      int n = kinds.length;
      long[] boost = boosted.toLongArray();
      byte[] kind = new byte[n];
      // Blocks of whole 64-bit words, each counted and then placed on its own core: a stable
      // counting sort, so the order is the same as one thread's.
      int blocks = n < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors() * 2;
      int perBlock = ((n + 63) / 64 + blocks - 1) / blocks * 64;
      int[][] counts = new int[blocks][categories];
      IntStream.range(0, blocks)
          .parallel()
          .forEach(
              b -> {
                int[] c = counts[b];
                for (int i = b * perBlock, end = Math.min(n, (b + 1) * perBlock); i < end; i++) {
                  int k = bit(boost, i) ? categories - 1 : kinds[i];
                  kind[i] = (byte) k;
                  c[k]++;
                }
              });
      int[] perKind = new int[categories];
      int[][] start = new int[blocks][categories];
      int next = 0;
      for (int k = 0; k < categories; k++) {
        for (int b = 0; b < blocks; b++) {
          start[b][k] = next;
          next += counts[b][k];
          perKind[k] += counts[b][k];
        }
      }
      int[] order = new int[n];
      IntStream.range(0, blocks)
          .parallel()
          .forEach(
              b -> {
                int[] at = start[b];
                for (int i = b * perBlock, end = Math.min(n, (b + 1) * perBlock); i < end; i++) {
                  order[at[kind[i] & 0xff]++] = i;
                }
              });
      return new ByCategory(palette, categories, kind, order, perKind);
    }
  }
}

package org.databoost.app.map;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.databoost.map.MapPoint;

/**
 * Which marker each point gets and the order they are drawn in. Layers are drawn bottom to top:
 * while a selection exists the unselected points are drawn faded first, so the selection stands out
 * on top; within each group train, then val, then misclassified val, then images added by Boost.
 */
final class MarkerLayers {
  static final int TRAIN = 0;
  static final int VAL = 1;
  static final int WRONG = 2;
  static final int BOOST = 3;

  /** Added to a kind for a point drawn at full strength (not faded). */
  static final int FULL = 4;

  static final int COUNT = 8;

  private final byte[] layer;
  private final int[] order;
  private final int[] perLayer;

  private MarkerLayers(byte[] layer, int[] order, int[] perLayer) {
    this.layer = layer;
    this.order = order;
    this.perLayer = perLayer;
  }

  /** The marker kind of each point, from its split and the latest run; once per map. */
  static byte[] kinds(List<MapPoint> points) {
    byte[] kinds = new byte[points.size()];
    for (int i = 0; i < kinds.length; i++) {
      MapPoint p = points.get(i);
      boolean val = "val".equals(p.split());
      kinds[i] = (byte) (!val ? TRAIN : p.misclassified() ? WRONG : VAL);
    }
    return kinds;
  }

  /**
   * @param selected the selected points; when empty nothing is faded
   * @param boosted the points Boost added (drawn as such whatever their split)
   */
  static MarkerLayers of(byte[] kinds, BitSet selected, BitSet boosted) {
    int n = kinds.length;
    boolean fade = !selected.isEmpty();
    byte[] layer = new byte[n];
    int[] start = new int[COUNT + 1];
    for (int i = 0; i < n; i++) {
      int kind = boosted.get(i) ? BOOST : kinds[i];
      layer[i] = (byte) (kind + (fade && !selected.get(i) ? 0 : FULL));
      start[layer[i] + 1]++;
    }
    int[] perLayer = Arrays.copyOfRange(start, 1, COUNT + 1);
    for (int l = 0; l < COUNT; l++) {
      start[l + 1] += start[l];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[start[layer[i]]++] = i;
    }
    return new MarkerLayers(layer, order, perLayer);
  }

  int size() {
    return order.length;
  }

  /** The k-th point to draw. */
  int drawn(int k) {
    return order[k];
  }

  int layer(int i) {
    return layer[i];
  }

  /** How many points have this marker kind, faded or not (the legend's counts). */
  int count(int kind) {
    return perLayer[kind] + perLayer[kind + FULL];
  }
}

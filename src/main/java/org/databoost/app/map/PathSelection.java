package org.databoost.app.map;

import java.util.AbstractSet;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.databoost.map.MapPoint;

/**
 * The selected images' paths as the table's filter wants them (a {@code Set<String>}), backed by
 * the map's bit mask: selecting 1M points builds no set of 1M strings, and the table asks {@link
 * #contains} through the path index. Immutable.
 */
final class PathSelection extends AbstractSet<String> {
  private final List<MapPoint> points;
  private final BitSet mask;
  private final PathIndex index;
  private final int size;

  /** The mask is owned by this set from now on. */
  PathSelection(List<MapPoint> points, BitSet mask, PathIndex index) {
    this.points = points;
    this.mask = mask;
    this.index = index;
    this.size = mask.cardinality();
  }

  /** The selected point indexes, when this selection belongs to these points. */
  BitSet maskFor(List<MapPoint> forPoints) {
    return forPoints == points ? (BitSet) mask.clone() : null;
  }

  @Override
  public boolean contains(Object o) {
    if (!(o instanceof String path)) {
      return false;
    }
    int i = index.indexOf(path);
    return i >= 0 && mask.get(i);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int next = mask.nextSetBit(0);

      @Override
      public boolean hasNext() {
        return next >= 0;
      }

      @Override
      public String next() {
        if (next < 0) {
          throw new NoSuchElementException();
        }
        String path = points.get(next).path();
        next = mask.nextSetBit(next + 1);
        return path;
      }
    };
  }
}

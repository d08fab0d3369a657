package org.databoost.app.map;

import java.util.List;
import org.databoost.map.MapPoint;

/**
 * Finds a point by its image path: an open-addressing hash table of point indexes (one int per
 * slot, the paths themselves stay in the points), so that a map of 1M points is indexed in tens of
 * milliseconds and a few megabytes, where a {@code HashMap<String, Integer>} takes ten times both.
 */
final class PathIndex {
  private final List<MapPoint> points;
  private final int[] slots; // point index + 1; 0 is empty
  private final int mask;

  private PathIndex(List<MapPoint> points) {
    this.points = points;
    int capacity = Integer.highestOneBit(Math.max(4, points.size() * 2 - 1)) << 1;
    slots = new int[capacity];
    mask = capacity - 1;
    for (int i = 0; i < points.size(); i++) {
      int s = slot(points.get(i).path());
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = i + 1;
    }
  }

  static PathIndex of(List<MapPoint> points) {
    return new PathIndex(points);
  }

  /** The index of the point with this path, or -1 (the first, if a path is there twice). */
  int indexOf(String path) {
    if (path == null) {
      return -1;
    }
    for (int s = slot(path); slots[s] != 0; s = (s + 1) & mask) {
      int i = slots[s] - 1;
      if (points.get(i).path().equals(path)) {
        return i;
      }
    }
    return -1;
  }

  private int slot(String path) {
    int h = path.hashCode() * 0x9E3779B9; // spread the bits: paths share long prefixes
    return (h ^ (h >>> 16)) & mask;
  }
}

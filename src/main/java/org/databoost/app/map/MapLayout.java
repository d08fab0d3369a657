package org.databoost.app.map;

import java.util.BitSet;
import java.util.List;
import org.databoost.map.MapPoint;

/**
 * Where each map point lands on the canvas: the points fitted into it (centred, aspect kept, with a
 * margin), then zoomed and panned by a {@link ViewTransform}. Pure geometry, tested headless.
 *
 * <p>It is a cache: {@link #update} recomputes only when the points (by identity), the canvas size
 * or the transform changed, and reuses its arrays, so panning 1M points allocates nothing. The
 * hover grid is built on the first lookup after a change.
 */
final class MapLayout {
  /** Pixels within which a click or hover finds a point. */
  static final double PICK_RADIUS = 6;

  /** Hover grid cells of 8 px: a pick looks at 2 x 2 to 3 x 3 of them. */
  private static final int GRID_SHIFT = 3;

  private final int margin;
  private List<MapPoint> points = List.of();
  private int width = -1;
  private int height = -1;
  private ViewTransform transform = ViewTransform.IDENTITY;
  private double fitScale;
  private double fitX;
  private double fitY;
  private float minX;
  private float minY;
  private int[] sx = new int[0];
  private int[] sy = new int[0];
  private ScreenGrid grid;

  MapLayout(int margin) {
    this.margin = margin;
  }

  /** A layout of these points on a canvas of this size, not zoomed. */
  static MapLayout of(List<MapPoint> points, int width, int height, int margin) {
    MapLayout l = new MapLayout(margin);
    l.update(points, width, height, ViewTransform.IDENTITY);
    return l;
  }

  /**
   * Lays the points out again if anything changed since the last call.
   *
   * @return whether the screen positions changed
   */
  boolean update(List<MapPoint> newPoints, int w, int h, ViewTransform t) {
    boolean refit = newPoints != points || w != width || h != height;
    if (!refit && t.equals(transform)) {
      return false;
    }
    if (refit) {
      fit(newPoints, w, h);
    }
    transform = t;
    int n = points.size();
    if (sx.length != n) {
      sx = new int[n];
      sy = new int[n];
    }
    for (int i = 0; i < n; i++) {
      MapPoint p = points.get(i);
      // A cast from double to int saturates, so a point zoomed far off screen stays off it.
      sx[i] = (int) Math.floor(t.toScreenX(fitX + (p.x() - minX) * fitScale) + 0.5);
      sy[i] = (int) Math.floor(t.toScreenY(fitY + (p.y() - minY) * fitScale) + 0.5);
    }
    grid = null;
    return true;
  }

  private void fit(List<MapPoint> newPoints, int w, int h) {
    points = newPoints;
    width = w;
    height = h;
    float loX = Float.MAX_VALUE;
    float loY = Float.MAX_VALUE;
    float hiX = -Float.MAX_VALUE;
    float hiY = -Float.MAX_VALUE;
    for (MapPoint p : newPoints) {
      loX = Math.min(loX, p.x());
      loY = Math.min(loY, p.y());
      hiX = Math.max(hiX, p.x());
      hiY = Math.max(hiY, p.y());
    }
    minX = loX;
    minY = loY;
    fitScale =
        Math.min(
            (w - 2.0 * margin) / Math.max(1e-6, hiX - loX),
            (h - 2.0 * margin) / Math.max(1e-6, hiY - loY));
    // Centre the map in the direction the aspect ratio leaves room in.
    fitX = margin + Math.max(0, (w - 2.0 * margin - (hiX - loX) * fitScale) / 2);
    fitY = margin + Math.max(0, (h - 2.0 * margin - (hiY - loY) * fitScale) / 2);
  }

  List<MapPoint> points() {
    return points;
  }

  int size() {
    return sx.length;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  int sx(int i) {
    return sx[i];
  }

  int sy(int i) {
    return sy[i];
  }

  /** The index of the point nearest to (x, y) within {@code radius} pixels, or -1. */
  int nearest(double x, double y, double radius) {
    if (grid == null) {
      grid = ScreenGrid.build(sx, sy, width, height, GRID_SHIFT);
    }
    return grid.nearest(sx, sy, x, y, radius);
  }

  /** The points inside the box spanned by two corners, whichever way it was dragged. */
  BitSet inBox(double x0, double y0, double x1, double y1) {
    double lx = Math.min(x0, x1);
    double hx = Math.max(x0, x1);
    double ly = Math.min(y0, y1);
    double hy = Math.max(y0, y1);
    BitSet out = new BitSet(sx.length);
    for (int i = 0; i < sx.length; i++) {
      if (sx[i] >= lx && sx[i] <= hx && sy[i] >= ly && sy[i] <= hy) {
        out.set(i);
      }
    }
    return out;
  }

  /** How many points lie in the box [x0, x1) x [y0, y1). */
  int countIn(double x0, double y0, double x1, double y1) {
    int n = 0;
    for (int i = 0; i < sx.length; i++) {
      if (sx[i] >= x0 && sx[i] < x1 && sy[i] >= y0 && sy[i] < y1) {
        n++;
      }
    }
    return n;
  }

  /** The points inside a free-hand polygon drawn on the canvas. */
  BitSet inLasso(Lasso lasso) {
    return lasso.select(sx, sy);
  }
}

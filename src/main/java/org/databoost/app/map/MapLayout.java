package org.databoost.app.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.databoost.map.MapPoint;

/** Where each map point lands on a canvas of a given size; pure geometry, tested headless. */
final class MapLayout {
  private final List<MapPoint> points;
  private final int[] sx;
  private final int[] sy;

  private MapLayout(List<MapPoint> points, int[] sx, int[] sy) {
    this.points = points;
    this.sx = sx;
    this.sy = sy;
  }

  /** Fits the points into the canvas, centred, keeping the aspect ratio, with a margin. */
  static MapLayout of(List<MapPoint> points, int width, int height, int margin) {
    float minX = Float.MAX_VALUE;
    float minY = Float.MAX_VALUE;
    float maxX = -Float.MAX_VALUE;
    float maxY = -Float.MAX_VALUE;
    for (MapPoint p : points) {
      minX = Math.min(minX, p.x());
      minY = Math.min(minY, p.y());
      maxX = Math.max(maxX, p.x());
      maxY = Math.max(maxY, p.y());
    }
    double s =
        Math.min(
            (width - 2.0 * margin) / Math.max(1e-6, maxX - minX),
            (height - 2.0 * margin) / Math.max(1e-6, maxY - minY));
    // Centre the map in the direction the aspect ratio leaves room in.
    double ox = margin + Math.max(0, (width - 2.0 * margin - (maxX - minX) * s) / 2);
    double oy = margin + Math.max(0, (height - 2.0 * margin - (maxY - minY) * s) / 2);
    int[] sx = new int[points.size()];
    int[] sy = new int[points.size()];
    for (int i = 0; i < sx.length; i++) {
      sx[i] = (int) Math.round(ox + (points.get(i).x() - minX) * s);
      sy[i] = (int) Math.round(oy + (points.get(i).y() - minY) * s);
    }
    return new MapLayout(points, sx, sy);
  }

  int sx(int i) {
    return sx[i];
  }

  int sy(int i) {
    return sy[i];
  }

  /** The point nearest to (x, y) within {@code radius} pixels. */
  Optional<MapPoint> nearest(double x, double y, double radius) {
    int best = -1;
    double bestD = radius * radius;
    for (int i = 0; i < sx.length; i++) {
      double d = (sx[i] - x) * (sx[i] - x) + (sy[i] - y) * (sy[i] - y);
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(points.get(best));
  }

  /** The paths of the points inside the box spanned by two corners. */
  List<String> inside(double x0, double y0, double x1, double y1) {
    double lx = Math.min(x0, x1);
    double hx = Math.max(x0, x1);
    double ly = Math.min(y0, y1);
    double hy = Math.max(y0, y1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < sx.length; i++) {
      if (sx[i] >= lx && sx[i] <= hx && sy[i] >= ly && sy[i] <= hy) {
        out.add(points.get(i).path());
      }
    }
    return out;
  }
}

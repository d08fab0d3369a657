package org.databoost.sample;

import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;

/** Collects the pen strokes of one drawing, each made a little imperfect as a hand would. */
final class Strokes {
  private final Dice dice;
  private final double jitter;
  private final double curvature;
  private final List<Shape> shapes = new ArrayList<>();

  Strokes(Dice dice, double jitter, double curvature) {
    this.dice = dice;
    this.jitter = jitter;
    this.curvature = curvature;
  }

  /** A point moved by the hand's unsteadiness. */
  Point2D shaky(double x, double y) {
    return new Point2D.Double(dice.gauss(x, jitter), dice.gauss(y, jitter));
  }

  /** A slightly bowed stroke from one point to another, with shaky ends. */
  void line(double x0, double y0, double x1, double y1) {
    Path2D.Double path = new Path2D.Double();
    Point2D a = shaky(x0, y0);
    path.moveTo(a.getX(), a.getY());
    bowTo(path, a, shaky(x1, y1));
    shapes.add(path);
  }

  /** A stroke through several points without lifting the pen (the V). */
  void polyline(double... xy) {
    Path2D.Double path = new Path2D.Double();
    Point2D prev = shaky(xy[0], xy[1]);
    path.moveTo(prev.getX(), prev.getY());
    for (int i = 2; i < xy.length; i += 2) {
      Point2D next = shaky(xy[i], xy[i + 1]);
      bowTo(path, prev, next);
      prev = next;
    }
    shapes.add(path);
  }

  /** A shape drawn as is (curves that are already irregular enough). */
  void add(Shape shape) {
    shapes.add(shape);
  }

  List<Shape> shapes() {
    return shapes;
  }

  Dice dice() {
    return dice;
  }

  private void bowTo(Path2D.Double path, Point2D from, Point2D to) {
    double dx = to.getX() - from.getX();
    double dy = to.getY() - from.getY();
    double bow = dice.gauss(0, curvature);
    // Control point: the midpoint pushed sideways, perpendicular to the stroke.
    double cx = (from.getX() + to.getX()) / 2 - dy * bow;
    double cy = (from.getY() + to.getY()) / 2 + dx * bow;
    path.quadTo(cx, cy, to.getX(), to.getY());
  }
}

package org.databoost.sample;

import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.List;

/** Strokes of drawings that are not numerals, in the same unit square as the glyphs. */
final class JunkShapes {
  private static final List<String> LETTERS = List.of("A", "H", "Z", "K");

  private JunkShapes() {}

  /** The strokes of a junk drawing; {@link JunkKind#NOISE} has none, its paper is the image. */
  static List<Shape> draw(JunkKind kind, HandStyle style, Dice dice) {
    Strokes strokes = new Strokes(dice, style.jitter(), style.curvature());
    switch (kind) {
      case HEART -> heart(strokes);
      case SCRIBBLE -> scribble(strokes, dice);
      case SMILEY -> smiley(strokes, dice);
      case LETTER -> letter(strokes, dice.pick(LETTERS));
      case NOISE -> {}
    }
    return strokes.shapes();
  }

  private static void heart(Strokes s) {
    Point2D top = s.shaky(0.5, 0.3);
    Point2D tip = s.shaky(0.5, 1.0);
    Path2D.Double p = new Path2D.Double();
    p.moveTo(top.getX(), top.getY());
    p.curveTo(0.5, -0.05, -0.05, -0.05, 0.02, 0.35);
    p.curveTo(0.08, 0.65, 0.45, 0.8, tip.getX(), tip.getY());
    Point2D right = s.shaky(0.98, 0.35);
    p.curveTo(0.55, 0.8, 0.92, 0.65, right.getX(), right.getY());
    p.curveTo(1.05, -0.05, 0.5, -0.05, top.getX(), top.getY());
    s.add(p);
  }

  private static void scribble(Strokes s, Dice dice) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(dice.uniform(0, 1), dice.uniform(0, 1));
    int turns = dice.between(6, 14);
    for (int i = 0; i < turns; i++) {
      p.quadTo(dice.uniform(0, 1), dice.uniform(0, 1), dice.uniform(0, 1), dice.uniform(0, 1));
    }
    s.add(p);
  }

  private static void smiley(Strokes s, Dice dice) {
    s.add(
        new Ellipse2D.Double(dice.gauss(0, 0.02), dice.gauss(0, 0.02), 1, dice.uniform(0.9, 1.1)));
    s.line(0.33, 0.3, 0.33, 0.4);
    s.line(0.67, 0.3, 0.67, 0.4);
    s.add(new Arc2D.Double(0.25, 0.35, 0.5, 0.4, 200, 140, Arc2D.OPEN));
  }

  private static void letter(Strokes s, String letter) {
    switch (letter) {
      case "A" -> {
        s.polyline(0, 1, 0.35, 0, 0.7, 1);
        s.line(0.15, 0.6, 0.55, 0.6);
      }
      case "H" -> {
        s.line(0, 0, 0, 1);
        s.line(0.6, 0, 0.6, 1);
        s.line(0, 0.5, 0.6, 0.5);
      }
      case "Z" -> s.polyline(0, 0, 0.65, 0, 0, 1, 0.65, 1);
      default -> {
        s.line(0, 0, 0, 1);
        s.polyline(0.6, 0, 0.02, 0.55, 0.6, 1);
      }
    }
  }
}

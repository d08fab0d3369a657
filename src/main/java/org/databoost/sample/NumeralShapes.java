package org.databoost.sample;

import java.awt.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the glyphs I, V and X of a numeral as strokes, in units where a capital glyph is 1 high
 * and y grows downward.
 */
final class NumeralShapes {
  private static final double DOT_SIZE = 0.03;

  private NumeralShapes() {}

  static List<Shape> draw(String glyphs, HandStyle style, Dice dice) {
    Strokes strokes = new Strokes(dice, style.jitter(), style.curvature());
    double top = style.lowercase() ? 0.4 : 0.0;
    double x = 0;
    List<Double> iPositions = new ArrayList<>();
    double right = 0;
    for (int k = 0; k < glyphs.length(); k++) {
      char glyph = glyphs.charAt(k);
      double w = style.width() * (1 - top) * dice.uniform(0.9, 1.1);
      switch (glyph) {
        case 'I' -> {
          strokes.line(x, top, x, 1);
          if (style.lowercase()) {
            double dotY = dice.uniform(0.12, 0.22);
            strokes.line(x, dotY, x + DOT_SIZE, dotY + DOT_SIZE);
          }
          iPositions.add(x);
          w = 0;
        }
        case 'V' -> strokes.polyline(x, top, x + w / 2, 1, x + w, top);
        case 'X' -> {
          strokes.line(x, top, x + w, 1);
          strokes.line(x + w, top, x, 1);
        }
        default -> throw new IllegalArgumentException("not a Roman glyph: " + glyph);
      }
      right = x + w;
      x = right + style.gap() * dice.uniform(0.8, 1.2);
    }
    switch (style.serifs()) {
      case BARS -> {
        double overhang = dice.uniform(0.06, 0.2);
        strokes.line(-overhang, 0, right + overhang, 0);
        strokes.line(-overhang, 1, right + overhang, 1);
      }
      case PER_GLYPH -> {
        double half = dice.uniform(0.1, 0.18);
        for (double ix : iPositions) {
          strokes.line(ix - half, 0, ix + half, 0);
          strokes.line(ix - half, 1, ix + half, 1);
        }
      }
      case NONE -> {}
    }
    return strokes.shapes();
  }
}

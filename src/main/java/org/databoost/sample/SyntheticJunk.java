package org.databoost.sample;

import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawings that are no numeral (hearts, scribbles, smileys, noisy paper, letters), made by the
 * sample's own hand, for a judge that learns what junk looks like: they are its extra class.
 * Deterministic from the seed.
 */
public final class SyntheticJunk {
  private SyntheticJunk() {}

  /** {@code count} junk images, the kinds in turn, each seeded by (seed, index). */
  public static List<BufferedImage> draw(int count, long seed) {
    JunkKind[] kinds = JunkKind.values();
    List<BufferedImage> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Dice dice = new Dice(Dice.mix(seed, i, 0x4A554E4BL));
      JunkKind kind = kinds[i % kinds.length];
      int width = dice.between(96, 256);
      int height =
          (int) Math.round(Math.max(64, Math.min(320, width * Math.exp(dice.gauss(0, 0.12)))));
      HandStyle style = HandStyle.random(dice, 0);
      List<Shape> strokes = JunkShapes.draw(kind, style, dice);
      BufferedImage coverage = Pen.coverage(strokes, style, width, height, dice);
      out.add(Paper.finish(coverage, style.ink(), kind == JunkKind.NOISE, dice));
    }
    return out;
  }
}

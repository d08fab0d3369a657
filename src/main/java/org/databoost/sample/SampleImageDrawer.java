package org.databoost.sample;

import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.List;
import org.databoost.dataset.Split;

/** Draws the image of one planned slot: a handwritten numeral or a piece of junk. */
final class SampleImageDrawer {
  private SampleImageDrawer() {}

  static BufferedImage draw(SamplePlan.Slot slot, SampleSpec spec) {
    Dice dice = new Dice(slot.seed());
    int width = dice.between(spec.minSize(), spec.maxSize());
    // Square-ish: the height stays within about 20% of the width.
    int height =
        (int)
            Math.round(
                Math.max(
                    spec.minSize(),
                    Math.min(spec.maxSize(), width * Math.exp(dice.gauss(0, 0.12)))));
    double shift = slot.split() == Split.VAL ? spec.shiftStrength() : 0;
    HandStyle style = HandStyle.random(dice, shift);
    List<Shape> strokes =
        slot.kind() == SampleKind.JUNK
            ? JunkShapes.draw(slot.junk(), style, dice)
            : NumeralShapes.draw(SampleLabels.glyphs(slot.trueLabel()), style, dice);
    BufferedImage coverage = Pen.coverage(strokes, style, width, height, dice);
    return Paper.finish(coverage, style.ink(), slot.junk() == JunkKind.NOISE, dice);
  }
}

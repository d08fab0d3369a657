package org.databoost.sample;

/**
 * How one writer draws one image. Lengths are in units of the glyph height.
 *
 * @param thickness pen width relative to the glyph height
 * @param slant italic lean; positive leans the top to the right
 * @param rotation small rotation of the whole drawing, in radians
 * @param height glyph height relative to the image height
 * @param offsetX where in the free horizontal space the drawing sits, -1 (left) to 1 (right)
 * @param offsetY the same vertically
 * @param jitter standard deviation of stroke end points
 * @param curvature standard deviation of the bow of a stroke, relative to its length
 * @param width width of V and X relative to their height
 * @param gap space between glyphs
 * @param serifs bars the writer adds to the numeral
 * @param lowercase whether the writer uses small letters (short strokes, dotted i)
 * @param dashed whether the pen skips, leaving broken strokes
 * @param ink gray value of the ink, 0 black
 */
record HandStyle(
    double thickness,
    double slant,
    double rotation,
    double height,
    double offsetX,
    double offsetY,
    double jitter,
    double curvature,
    double width,
    double gap,
    Serifs serifs,
    boolean lowercase,
    boolean dashed,
    int ink) {

  /** Serif bars as many writers add them to I-based numerals. */
  enum Serifs {
    NONE,
    /** One bar on top and one at the bottom, spanning the whole numeral. */
    BARS,
    /** Short bars on each I. */
    PER_GLYPH
  }

  /**
   * A random writer. {@code shift} 0 draws the train distribution; larger values move toward
   * thicker, more slanted and larger writing, which is how validation differs.
   */
  static HandStyle random(Dice dice, double shift) {
    boolean lowercase = dice.chance(0.12);
    // Small letters are scaled up to the same height, so their pen is made thinner to match.
    double thickness =
        Math.min(0.18, dice.uniform(0.045, 0.11) * (1 + 0.7 * shift)) * (lowercase ? 0.7 : 1);
    double slant = dice.gauss(0.05 + 0.3 * shift, 0.12);
    double rotation = Math.toRadians(dice.gauss(0, 4));
    double height = Math.min(0.8, dice.uniform(0.3, 0.7) + 0.1 * shift);
    double roll = dice.uniform(0, 1);
    Serifs serifs =
        lowercase
            ? Serifs.NONE
            : roll < 0.3 ? Serifs.BARS : roll < 0.4 ? Serifs.PER_GLYPH : Serifs.NONE;
    return new HandStyle(
        thickness,
        slant,
        rotation,
        height,
        dice.uniform(-1, 1),
        dice.uniform(-1, 1),
        dice.uniform(0.01, 0.04),
        dice.uniform(0.01, 0.08),
        dice.uniform(0.5, 0.8),
        dice.uniform(0.18, 0.4),
        serifs,
        lowercase,
        dice.chance(0.06),
        (int) Math.round(Math.min(110, Math.max(0, dice.gauss(35, 25)))));
  }
}

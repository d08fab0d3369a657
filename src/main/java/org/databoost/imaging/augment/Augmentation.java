package org.databoost.imaging.augment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The random parameters of one augmentation, all drawn from its seed by {@link
 * Augmenter#sample(long)}. Geometric values are fractions of the image's longer side (erase
 * fractions of each side), pixel-scale values are pixels of a 64-pixel plane, so one augmentation
 * renders the same candidate at any resolution.
 *
 * <p>Every value is rounded on construction to the decimals {@link #describe()} prints, so {@code
 * parse(a.describe()).equals(a)} and a candidate rebuilt from its provenance line renders
 * bit-identically.
 *
 * @param seed also keys the elastic control grid and the per-pixel noise
 * @param rotation degrees, positive = counter-clockwise on screen
 * @param shear horizontal shear, x += shear * y
 * @param scale zoom factor, 1 = none
 * @param translateX shift right, fraction of the longer side
 * @param translateY shift down, fraction of the longer side
 * @param elastic amplitude of the smooth random displacement, fraction of the longer side
 * @param morph stroke width change: + thickens, - thins, in pixels of a 64-pixel plane
 * @param blur Gaussian sigma in pixels of a 64-pixel plane, 0 = none
 * @param noise amplitude of the additive per-pixel noise (ink units), 0 = none
 * @param contrast ink multiplier, 1 = none
 * @param brightness mid-tone ink shift: ink += brightness * 4 ink (1 - ink); paper and full ink
 *     stay
 * @param eraseX left edge of the erased rectangle, fraction of the width
 * @param eraseY top edge of the erased rectangle, fraction of the height
 * @param eraseWidth width of the erased rectangle, fraction of the width, 0 = none
 * @param eraseHeight height of the erased rectangle, fraction of the height, 0 = none
 * @param crop margin band set to paper on all four sides, fraction of the longer side
 */
public record Augmentation(
    long seed,
    double rotation,
    double shear,
    double scale,
    double translateX,
    double translateY,
    double elastic,
    double morph,
    double blur,
    double noise,
    double contrast,
    double brightness,
    double eraseX,
    double eraseY,
    double eraseWidth,
    double eraseHeight,
    double crop) {

  public Augmentation {
    rotation = round(rotation, 2);
    shear = round(shear, 3);
    scale = round(scale, 3);
    translateX = round(translateX, 3);
    translateY = round(translateY, 3);
    elastic = round(elastic, 3);
    morph = round(morph, 2);
    blur = round(blur, 2);
    noise = round(noise, 3);
    contrast = round(contrast, 3);
    brightness = round(brightness, 3);
    eraseX = round(eraseX, 3);
    eraseY = round(eraseY, 3);
    eraseWidth = round(eraseWidth, 3);
    eraseHeight = round(eraseHeight, 3);
    crop = round(crop, 3);
    if (!(eraseWidth > 0 && eraseHeight > 0)) { // no rectangle: one canonical form
      eraseX = 0;
      eraseY = 0;
      eraseWidth = 0;
      eraseHeight = 0;
    }
    require(scale > 0, "scale must be positive", scale);
    require(elastic >= 0 && blur >= 0 && noise >= 0, "negative amplitude", elastic + blur + noise);
    require(contrast >= 0, "contrast must not be negative", contrast);
    require(Math.abs(brightness) <= 0.25, "brightness beyond +-0.25 is not monotone", brightness);
    require(eraseWidth >= 0 && eraseHeight >= 0, "negative erase size", eraseWidth + eraseHeight);
    require(crop >= 0 && crop < 0.5, "crop must be within [0, 0.5)", crop);
  }

  /** The augmentation that changes nothing. */
  public static Augmentation identity(long seed) {
    return new Augmentation(seed, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0);
  }

  /** Whether rotation, shear, scale, translation and elastic distortion are all absent. */
  public boolean isGeometricIdentity() {
    return rotation == 0
        && shear == 0
        && scale == 1
        && translateX == 0
        && translateY == 0
        && elastic == 0;
  }

  /** Whether the erase rectangle is non-empty. */
  public boolean erases() {
    return eraseWidth > 0 && eraseHeight > 0;
  }

  /** Whether rendering changes nothing (for a plane whose values lie in [0, 1]). */
  public boolean isIdentity() {
    return isGeometricIdentity()
        && morph == 0
        && blur == 0
        && noise == 0
        && contrast == 1
        && brightness == 0
        && !erases()
        && crop == 0;
  }

  /**
   * One line for provenance, every field always present, e.g. {@code aug-v1 seed=123 rot=-7.20
   * shear=0.050 scale=0.930 tx=0.020 ty=-0.010 elastic=0.020 morph=+0.60 blur=0.60 noise=0.030
   * contrast=1.100 bright=-0.050 erase=0.410,0.220,0.100,0.080 crop=0.030}; {@link #parse} reads it
   * back exactly.
   */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s seed=%d rot=%.2f shear=%.3f scale=%.3f tx=%.3f ty=%.3f elastic=%.3f morph=%+.2f"
            + " blur=%.2f noise=%.3f contrast=%.3f bright=%+.3f erase=%.3f,%.3f,%.3f,%.3f"
            + " crop=%.3f",
        Augmenter.VERSION,
        seed,
        rotation,
        shear,
        scale,
        translateX,
        translateY,
        elastic,
        morph,
        blur,
        noise,
        contrast,
        brightness,
        eraseX,
        eraseY,
        eraseWidth,
        eraseHeight,
        crop);
  }

  /** The augmentation a {@link #describe()} line stands for. */
  public static Augmentation parse(String description) {
    String[] tokens = description.trim().split("\\s+");
    if (tokens.length == 0 || !tokens[0].equals(Augmenter.VERSION)) {
      throw new IllegalArgumentException("not an " + Augmenter.VERSION + " line: " + description);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 1; i < tokens.length; i++) {
      int eq = tokens[i].indexOf('=');
      if (eq <= 0 || fields.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1)) != null) {
        throw new IllegalArgumentException("bad or repeated field '" + tokens[i] + "'");
      }
    }
    try {
      String eraseField = field(fields, "erase");
      String[] erase = eraseField.split(",", -1);
      if (erase.length != 4) {
        throw new IllegalArgumentException("erase needs x,y,w,h: " + eraseField);
      }
      Augmentation a =
          new Augmentation(
              Long.parseLong(field(fields, "seed")),
              number(fields, "rot"),
              number(fields, "shear"),
              number(fields, "scale"),
              number(fields, "tx"),
              number(fields, "ty"),
              number(fields, "elastic"),
              number(fields, "morph"),
              number(fields, "blur"),
              number(fields, "noise"),
              number(fields, "contrast"),
              number(fields, "bright"),
              Double.parseDouble(erase[0]),
              Double.parseDouble(erase[1]),
              Double.parseDouble(erase[2]),
              Double.parseDouble(erase[3]),
              number(fields, "crop"));
      if (!fields.isEmpty()) {
        throw new IllegalArgumentException("unknown fields " + fields.keySet());
      }
      return a;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number in: " + description, e);
    }
  }

  private static String field(Map<String, String> fields, String name) {
    String value = fields.remove(name);
    if (value == null) {
      throw new IllegalArgumentException("missing field " + name);
    }
    return value;
  }

  private static double number(Map<String, String> fields, String name) {
    return Double.parseDouble(field(fields, name));
  }

  /** Rounds to {@code decimals} places: the value {@link #describe()} prints, as a double. */
  private static double round(double v, int decimals) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("not a finite parameter: " + v);
    }
    double f = decimals == 2 ? 100 : 1000;
    return Math.round(v * f) / f;
  }

  private static void require(boolean ok, String what, double value) {
    if (!ok) {
      throw new IllegalArgumentException(what + ": " + value);
    }
  }
}

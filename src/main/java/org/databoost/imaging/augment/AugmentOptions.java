package org.databoost.imaging.augment;

/**
 * How strong the random transforms are.
 *
 * @param strength 0..1, multiplies the range of every transform (rotation, shear, scale change,
 *     translation, elastic amplitude, stroke width change, blur, noise, contrast and brightness
 *     change, erased rectangle size, cropped margin); 1 = the defaults of docs/boost.md, 0 = no
 *     change at all. The probability that each transform is drawn does not depend on it.
 */
public record AugmentOptions(double strength) {

  public AugmentOptions {
    if (!(strength >= 0 && strength <= 1)) {
      throw new IllegalArgumentException("strength must be within 0..1: " + strength);
    }
  }

  /** What Boost uses: strength 1. */
  public static AugmentOptions defaults() {
    return new AugmentOptions(1);
  }
}

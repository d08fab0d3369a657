package org.databoost.sample;

/**
 * What the synthetic Roman-numerals sample should contain.
 *
 * @param seed every pixel and every label decision follows from this number
 * @param trainPerLabel images in each {@code train/<label>} folder (junk included)
 * @param valPerLabel images in each {@code val/<label>} folder
 * @param labelBookPerLabel clean images in each {@code label_book/<label>} folder
 * @param minSize smallest image side in pixels
 * @param maxSize largest image side in pixels
 * @param wrongLabelFraction share of train images whose folder is not their true numeral; val gets
 *     half this share
 * @param junkCount train images that are no numeral at all (heart, scribble, smiley, noise, a
 *     letter)
 * @param shiftStrength how differently validation images are drawn (thicker, more slanted, larger);
 *     0 means the same distribution as train
 */
public record SampleSpec(
    long seed,
    int trainPerLabel,
    int valPerLabel,
    int labelBookPerLabel,
    int minSize,
    int maxSize,
    double wrongLabelFraction,
    int junkCount,
    double shiftStrength) {

  /** The seed of {@link #defaults()}; the year of the competition. */
  public static final long DEFAULT_SEED = 2021L;

  public SampleSpec {
    if (trainPerLabel < 0 || valPerLabel < 0 || labelBookPerLabel < 0) {
      throw new IllegalArgumentException("image counts must not be negative");
    }
    if (minSize < 32 || maxSize < minSize || maxSize > 1024) {
      throw new IllegalArgumentException(
          "image sizes must satisfy 32 <= minSize <= maxSize <= 1024, got "
              + minSize
              + ".."
              + maxSize);
    }
    if (!(wrongLabelFraction >= 0 && wrongLabelFraction <= 0.5)) {
      throw new IllegalArgumentException(
          "wrongLabelFraction must be within 0..0.5, got " + wrongLabelFraction);
    }
    if (!(shiftStrength >= 0 && shiftStrength <= 3)) {
      throw new IllegalArgumentException("shiftStrength must be within 0..3, got " + shiftStrength);
    }
    int train = trainPerLabel * SampleLabels.ALL.size();
    if (junkCount < 0 || junkCount + trainMislabelCount(train, wrongLabelFraction) > train) {
      throw new IllegalArgumentException(
          "junkCount must be >= 0 and leave room for the mislabeled images among "
              + train
              + " train images, got "
              + junkCount);
    }
  }

  /** About 750 images: 50 train, 20 val and 5 label-book images per label, 8% wrong labels. */
  public static SampleSpec defaults() {
    return new SampleSpec(DEFAULT_SEED, 50, 20, 5, 96, 200, 0.08, 6, 1.0);
  }

  /** This spec with another seed. */
  public SampleSpec withSeed(long newSeed) {
    return new SampleSpec(
        newSeed,
        trainPerLabel,
        valPerLabel,
        labelBookPerLabel,
        minSize,
        maxSize,
        wrongLabelFraction,
        junkCount,
        shiftStrength);
  }

  /** This spec with other image counts per label. */
  public SampleSpec withPerLabel(int train, int val, int labelBook) {
    return new SampleSpec(
        seed,
        train,
        val,
        labelBook,
        minSize,
        maxSize,
        wrongLabelFraction,
        junkCount,
        shiftStrength);
  }

  /** This spec with another train/val shift. */
  public SampleSpec withShiftStrength(double strength) {
    return new SampleSpec(
        seed,
        trainPerLabel,
        valPerLabel,
        labelBookPerLabel,
        minSize,
        maxSize,
        wrongLabelFraction,
        junkCount,
        strength);
  }

  /** This spec with another number of junk images. */
  public SampleSpec withJunkCount(int count) {
    return new SampleSpec(
        seed,
        trainPerLabel,
        valPerLabel,
        labelBookPerLabel,
        minSize,
        maxSize,
        wrongLabelFraction,
        count,
        shiftStrength);
  }

  /** All images the spec asks for. */
  public int totalImages() {
    return (trainPerLabel + valPerLabel + labelBookPerLabel) * SampleLabels.ALL.size();
  }

  /** How many train images get a wrong label. */
  public int trainMislabelCount() {
    return trainMislabelCount(trainPerLabel * SampleLabels.ALL.size(), wrongLabelFraction);
  }

  /** How many val images get a wrong label: half the train share, so val stays mostly clean. */
  public int valMislabelCount() {
    return (int) Math.round(valPerLabel * SampleLabels.ALL.size() * wrongLabelFraction / 2);
  }

  private static int trainMislabelCount(int train, double fraction) {
    return (int) Math.round(train * fraction);
  }
}

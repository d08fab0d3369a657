package org.databoost.sample;

import java.util.Locale;

/** What an image of the sample really is, compared with the folder it sits in. */
public enum SampleKind {
  /** A numeral in the folder of its own label. */
  CLEAN,
  /** A numeral in the folder of another label. */
  MISLABELED,
  /** Not a numeral at all. */
  JUNK;

  /** The word used in the truth file: clean, mislabeled or junk. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind written as {@code word}. */
  public static SampleKind ofWord(String word) {
    return valueOf(word.trim().toUpperCase(Locale.ROOT));
  }
}

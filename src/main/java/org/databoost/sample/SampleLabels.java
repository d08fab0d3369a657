package org.databoost.sample;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ten labels of the sample and which ones a hurried annotator confuses. */
public final class SampleLabels {
  /** The labels in numeric order: i, ii, ..., x. */
  public static final List<String> ALL =
      List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");

  // Wrong labels that a person plausibly types: off by one stroke, or I on the wrong side.
  private static final Map<String, List<String>> CONFUSABLE =
      Map.of(
          "i", List.of("ii"),
          "ii", List.of("iii", "i"),
          "iii", List.of("ii"),
          "iv", List.of("vi"),
          "v", List.of("iv", "vi"),
          "vi", List.of("iv", "vii"),
          "vii", List.of("viii", "vi"),
          "viii", List.of("vii"),
          "ix", List.of("x", "iv"),
          "x", List.of("ix"));

  private SampleLabels() {}

  /** The labels a person might confuse with {@code label}. */
  static List<String> confusableWith(String label) {
    return CONFUSABLE.get(label);
  }

  /** The glyph sequence of a label, e.g. {@code "VIII"}. */
  static String glyphs(String label) {
    return label.toUpperCase(Locale.ROOT);
  }
}

package org.databoost.evaluation;

import java.util.Locale;
import org.databoost.embedding.StrokeCount;

/**
 * What the strokes counted at full size ({@link StrokeCount}) say about a label error between two
 * Roman numerals of one family that differ only in how many strokes they have (i, ii, iii; v, vi,
 * vii, viii): whether the label stands, and the judges' line's words (docs/label-errors.md).
 */
final class StrokeVerdicts {
  /** The numerals whose strokes a level line through their middle crosses: "|" ends a family. */
  private static final String STROKE_FAMILIES = " i ii iii | v vi vii viii ";

  private StrokeVerdicts() {}

  /**
   * Whether the drawing's strokes, counted at full size, are those of its given label and not of
   * the suggested one, both of one family of Roman numerals that differ only in how many strokes
   * they have (i, ii, iii; v, vi, vii, viii): then the judges, which see the drawing at 26 pixels,
   * took strokes close together for one or a bold one for two, and the label stands.
   */
  static boolean sayGiven(DataVerdicts.Input in, int i, int suggested) {
    if (!countedInOneFamily(in, i, suggested)) {
      return false;
    }
    int n = in.strokes()[i];
    return n == strokesOf(label(in, in.given()[i])) && n != strokesOf(label(in, suggested));
  }

  /**
   * "strokes 3 ✓" where the drawing's strokes were counted and its given and suggested labels are
   * of one family (✓ when the count is the suggestion's); empty otherwise.
   */
  static String line(DataVerdicts.Input in, int i, int suggested) {
    if (!countedInOneFamily(in, i, suggested)) {
      return "";
    }
    int n = in.strokes()[i];
    return "strokes " + n + (n == strokesOf(label(in, suggested)) ? " ✓" : "");
  }

  /**
   * Whether image i's strokes were counted and its given and the suggested label share a family.
   */
  private static boolean countedInOneFamily(DataVerdicts.Input in, int i, int suggested) {
    if (in.strokes() == null || in.strokes()[i] == StrokeCount.UNKNOWN || suggested < 0) {
      return false;
    }
    int g = STROKE_FAMILIES.indexOf(" " + label(in, in.given()[i]) + " ");
    int o = STROKE_FAMILIES.indexOf(" " + label(in, suggested) + " ");
    return g >= 0 && o >= 0 && family(g) == family(o);
  }

  private static String label(DataVerdicts.Input in, int index) {
    return in.labels().get(index).toLowerCase(Locale.ROOT);
  }

  private static int family(int at) {
    return STROKE_FAMILIES.substring(0, at).contains("|") ? 1 : 0;
  }

  /** An "i" crosses the line once; a "v" twice (its two arms); each further "i" once more. */
  private static int strokesOf(String numeral) {
    return numeral.startsWith("v") ? numeral.length() + 1 : numeral.length();
  }
}

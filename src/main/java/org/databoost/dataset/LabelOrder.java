package org.databoost.dataset;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The display and class-index order of labels: by value when every label is a Roman numeral ("i",
 * "ii", ..., "x", any case), otherwise natural order, where digits inside names compare as numbers
 * ("class2" before "class10").
 */
public final class LabelOrder {
  private static final Pattern ROMAN =
      Pattern.compile("m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})");

  /** Natural order: digit runs by numeric value, other text case-insensitively, then exactly. */
  public static final Comparator<String> NATURAL = LabelOrder::compareNatural;

  private LabelOrder() {}

  /** The labels in the order described above. */
  public static List<String> sort(Collection<String> labels) {
    List<String> sorted = new ArrayList<>(labels);
    boolean allRoman =
        !sorted.isEmpty() && sorted.stream().allMatch(l -> romanValue(l).isPresent());
    Comparator<String> order =
        allRoman
            ? Comparator.<String>comparingInt(l -> romanValue(l).getAsInt()).thenComparing(NATURAL)
            : NATURAL;
    sorted.sort(order);
    return sorted;
  }

  /** The value of a well-formed Roman numeral (1 to 3999), case-insensitive. */
  public static OptionalInt romanValue(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    if (s.isEmpty() || !ROMAN.matcher(s).matches()) {
      return OptionalInt.empty();
    }
    int total = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = digit(s.charAt(i));
      boolean subtractive = i + 1 < s.length() && v < digit(s.charAt(i + 1));
      total += subtractive ? -v : v;
    }
    return OptionalInt.of(total);
  }

  private static int digit(char c) {
    return switch (c) {
      case 'i' -> 1;
      case 'v' -> 5;
      case 'x' -> 10;
      case 'l' -> 50;
      case 'c' -> 100;
      case 'd' -> 500;
      case 'm' -> 1000;
      default -> throw new IllegalArgumentException("not a Roman digit: " + c);
    };
  }

  private static int compareNatural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ei = runEnd(a, i);
      int ej = runEnd(b, j);
      String ra = a.substring(i, ei);
      String rb = b.substring(j, ej);
      boolean da = Character.isDigit(ra.charAt(0));
      boolean db = Character.isDigit(rb.charAt(0));
      int c;
      if (da && db) {
        c = new BigInteger(ra).compareTo(new BigInteger(rb)); // any length of digits
      } else {
        c = ra.compareToIgnoreCase(rb);
      }
      if (c != 0) {
        return c;
      }
      i = ei;
      j = ej;
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }

  /** The end of the run of digits or of non-digits that starts at {@code from}. */
  private static int runEnd(String s, int from) {
    boolean digits = Character.isDigit(s.charAt(from));
    int k = from;
    while (k < s.length() && Character.isDigit(s.charAt(k)) == digits) {
      k++;
    }
    return k;
  }
}

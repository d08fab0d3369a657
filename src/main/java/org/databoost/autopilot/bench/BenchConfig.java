package org.databoost.autopilot.bench;

import java.util.Locale;
import org.databoost.autopilot.AutopilotOptions;

/**
 * One configuration of the benchmark, by name: {@code baseline} (no step at all), {@code full} (the
 * defaults), or {@code full} with steps switched, e.g. {@code full-clean} (no a, b), {@code
 * full+normalise}, {@code full-resplit-boost}. Step names: clean (a and b), relabel (b), normalise
 * (c), resplit (d), fill (e), flips (e's mirrors), boost (f).
 */
record BenchConfig(String name, AutopilotOptions options) {

  static BenchConfig parse(String name, AutopilotOptions defaults) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("baseline")) {
      AutopilotOptions o = defaults;
      for (char c : "abcdef".toCharArray()) {
        o = o.withStep(c, false);
      }
      return new BenchConfig(n, o);
    }
    if (!n.startsWith("full")) {
      throw new IllegalArgumentException(
          "unknown configuration '" + name + "': baseline, full, or full with -STEP / +STEP");
    }
    AutopilotOptions o = defaults;
    String rest = n.substring(4);
    while (!rest.isEmpty()) {
      char sign = rest.charAt(0);
      if (sign != '-' && sign != '+') {
        throw new IllegalArgumentException("expected -STEP or +STEP in '" + name + "'");
      }
      int next = nextSign(rest);
      String step = rest.substring(1, next);
      o = apply(o, step, sign == '+', name);
      rest = rest.substring(next);
    }
    return new BenchConfig(n, o);
  }

  private static int nextSign(String s) {
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) == '-' || s.charAt(i) == '+') {
        return i;
      }
    }
    return s.length();
  }

  private static AutopilotOptions apply(AutopilotOptions o, String step, boolean on, String name) {
    return switch (step) {
      case "clean" -> o.withStep('a', on).withStep('b', on);
      case "relabel" -> o.withStep('b', on);
      case "normalise", "normalize" -> o.withStep('c', on);
      case "resplit" -> o.withStep('d', on);
      case "fill" -> o.withStep('e', on);
      case "flips" -> o.withFlips(on);
      case "boost" -> o.withStep('f', on);
      default ->
          throw new IllegalArgumentException(
              "unknown step '"
                  + step
                  + "' in '"
                  + name
                  + "' (clean, relabel, normalise, resplit, fill, flips, boost)");
    };
  }

  /** Whether the autopilot has anything to do. */
  boolean runsAutopilot() {
    AutopilotOptions o = options;
    return o.clean() || o.relabel() || o.normalise() || o.resplit() || o.fill() || o.boost();
  }
}

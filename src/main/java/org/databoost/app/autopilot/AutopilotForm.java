package org.databoost.app.autopilot;

import java.util.Locale;
import java.util.Optional;
import org.databoost.autopilot.AutopilotOptions;
import org.databoost.training.TrainingConfig;

/**
 * The autopilot dialog's fields as typed, checked without the toolkit.
 *
 * @param steps on/off of a..f, in order
 * @param flips whether the fill may use the mirrors the data verifies
 * @param training how Boost and the mirror check train (the preset's name is shown)
 */
public record AutopilotForm(
    boolean[] steps,
    boolean flips,
    String relabelConfidence,
    String margin,
    String valShare,
    String budget,
    String fillShare,
    String rounds,
    TrainingConfig training,
    long seed) {

  public static AutopilotForm of(AutopilotOptions o) {
    return new AutopilotForm(
        new boolean[] {o.clean(), o.relabel(), o.normalise(), o.resplit(), o.fill(), o.boost()},
        o.flips(),
        text(o.relabelConfidence()),
        text(o.margin()),
        text(o.valShare()),
        Integer.toString(o.budget()),
        text(o.fillShare()),
        Integer.toString(o.boostRounds()),
        o.training(),
        o.seed());
  }

  private static String text(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** Why the form cannot be run, if it cannot. */
  public Optional<String> problem() {
    try {
      options();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The options; throws IllegalArgumentException naming the field that is wrong. */
  public AutopilotOptions options() {
    AutopilotOptions d = AutopilotOptions.defaults();
    return new AutopilotOptions(
        steps[0],
        steps[1],
        number("relabel confidence", relabelConfidence),
        steps[2],
        number("margin", margin),
        steps[3],
        number("val share", valShare),
        false,
        steps[4],
        number("fill share", fillShare),
        flips,
        d.rotation(),
        steps[5],
        (int) whole("rounds", rounds),
        d.boostK(),
        d.boostCandidates(),
        (int) whole("budget", budget),
        training,
        seed);
  }

  private static double number(String name, String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("The " + name + " must be a number, not '" + text + "'.");
    }
  }

  private static long whole(String name, String text) {
    try {
      return Long.parseLong(text.trim().replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "The " + name + " must be a whole number, not '" + text + "'.");
    }
  }
}

package org.databoost.app.boost;

import java.util.Locale;
import java.util.Optional;
import org.databoost.boost.BoostOptions;
import org.databoost.training.TrainingConfig;

/**
 * The Boost dialog's fields as plain values, checked and turned into {@link BoostOptions} without
 * the toolkit (so the rules are unit-tested).
 */
public record BoostForm(
    String candidates,
    int k,
    int rounds,
    String budget,
    String embedder,
    String preset,
    boolean resplit,
    boolean compareRandom,
    String seed) {

  /** The form filled with the defaults. */
  public static BoostForm defaults() {
    BoostOptions d = BoostOptions.defaults(TrainingConfig.quick());
    return new BoostForm(
        String.format(Locale.ROOT, "%,d", d.candidates()),
        d.k(),
        d.rounds(),
        String.format(Locale.ROOT, "%,d", d.budget()),
        d.embedder(),
        "quick",
        false,
        false,
        Long.toString(d.seed()));
  }

  /** What is wrong with the form, or empty when it can run. */
  public Optional<String> problem() {
    try {
      options();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The options the form describes; IllegalArgumentException names the first bad field. */
  public BoostOptions options() {
    int n = positive("Candidates", candidates);
    if (n > 10_000_000) {
      throw new IllegalArgumentException("Candidates: at most 10,000,000.");
    }
    int b = positive("Budget", budget);
    long s;
    try {
      s = Long.parseLong(seed.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Seed: a whole number, please.");
    }
    if (embedder == null || embedder.isBlank()) {
      throw new IllegalArgumentException("Embedder: choose one.");
    }
    TrainingConfig training = TrainingConfig.preset(preset);
    return new BoostOptions(
        n,
        k,
        rounds,
        b,
        embedder.strip(),
        training,
        compareRandom,
        resplit,
        s,
        BoostOptions.DEFAULT_DUPLICATE_THRESHOLD,
        1.0);
  }

  private static int positive(String field, String text) {
    String digits = text == null ? "" : text.replace(",", "").replace("_", "").strip();
    try {
      int v = Integer.parseInt(digits);
      if (v < 1) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ": a whole number of at least 1, please.");
    }
  }
}

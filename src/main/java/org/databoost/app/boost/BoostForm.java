package org.databoost.app.boost;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.databoost.boost.BoostOptions;
import org.databoost.training.TrainingConfig;

/**
 * The Boost dialog's fields as plain values, checked and turned into {@link BoostOptions} without
 * the toolkit (so the rules are unit-tested).
 *
 * @param corpus the registered corpus to draw from; "" for the augmentation pool
 * @param autoAccept for a corpus: add the proposals whose confidence is at least {@code
 *     autoAcceptAbove}; otherwise every proposal waits in the review queue
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
    String seed,
    String corpus,
    boolean autoAccept,
    String autoAcceptAbove) {

  /** The default auto-accept confidence offered (the user chooses; nothing was tuned on it). */
  public static final String DEFAULT_AUTO_ACCEPT = "0.9";

  /** A form that draws from the augmentation pool. */
  public BoostForm(
      String candidates,
      int k,
      int rounds,
      String budget,
      String embedder,
      String preset,
      boolean resplit,
      boolean compareRandom,
      String seed) {
    this(
        candidates,
        k,
        rounds,
        budget,
        embedder,
        preset,
        resplit,
        compareRandom,
        seed,
        "",
        false,
        DEFAULT_AUTO_ACCEPT);
  }

  /**
   * What the dialog asks for: the options, the corpus ("" for the pool) and the auto-accept
   * confidence (empty: everything waits for review).
   */
  public record Request(BoostOptions options, String corpus, OptionalDouble autoAcceptAbove) {}

  /** The request the form describes; IllegalArgumentException names the first bad field. */
  public Request request() {
    BoostOptions o = options();
    if (corpus.isEmpty()) {
      return new Request(o, "", OptionalDouble.empty());
    }
    if (compareRandom) {
      throw new IllegalArgumentException(
          "Compare with random candidates: they come from the augmentation pool, not a corpus.");
    }
    if (!autoAccept) {
      return new Request(o, corpus, OptionalDouble.empty());
    }
    double q;
    try {
      q = Double.parseDouble(autoAcceptAbove.strip());
    } catch (NumberFormatException e) {
      q = Double.NaN;
    }
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("Auto-accept confidence: a number from 0 to 1, please.");
    }
    return new Request(o, corpus, OptionalDouble.of(q));
  }

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
      request();
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

package org.databoost.workspace;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.databoost.dataset.Split;

/**
 * A run's results: accuracy per split, the best epoch and its validation accuracy, the seconds each
 * stage took, and how many images each verdict flagged.
 *
 * <p>The catalog keeps them as the key=value lines it always has ({@code accuracy.val}, {@code
 * best_epoch}, {@code seconds.total}, {@code issues.label_error}, ...): {@link #stored()} and
 * {@link #fromStored(Map)} convert at its boundary, so runs kept by earlier versions open as they
 * are, and a key this version does not know (or a value it cannot read) is kept in {@link #other()}
 * and written back unchanged. Numbers hold what the catalog holds: six significant digits, so a run
 * read back equals the one saved.
 *
 * @param accuracy accuracy per split, for the splits the run measured
 * @param bestEpoch the main model's best epoch (empty for a run without training)
 * @param bestValAccuracy the validation accuracy at that epoch
 * @param seconds how long each stage took, in the order of {@link Stage}
 * @param issues images flagged per verdict, by the verdict's text ("label error", "leak", ...)
 * @param other what the catalog held that this version does not read, as it was
 */
public record RunResults(
    Map<Split, Double> accuracy,
    OptionalInt bestEpoch,
    OptionalDouble bestValAccuracy,
    Map<Stage, Double> seconds,
    Map<String, Integer> issues,
    Map<String, String> other) {

  /** The timed stages of a run. */
  public enum Stage {
    DECODE,
    TRAIN,
    CROSS_VALIDATION,
    PREDICT,
    TOTAL;

    /** The catalog's name, e.g. {@code cross_validation}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The name in words, e.g. "cross validation". */
    public String label() {
      return key().replace('_', ' ');
    }
  }

  /** No results at all. */
  public static final RunResults NONE =
      new RunResults(
          Map.of(), OptionalInt.empty(), OptionalDouble.empty(), Map.of(), Map.of(), Map.of());

  private static final String ACCURACY = "accuracy.";
  private static final String BEST_EPOCH = "best_epoch";
  private static final String BEST_VAL_ACCURACY = "best_val_accuracy";
  private static final String SECONDS = "seconds.";
  private static final String ISSUES = "issues.";

  public RunResults {
    Map<Split, Double> acc = new EnumMap<>(Split.class);
    accuracy.forEach((s, v) -> acc.put(s, stored(v)));
    accuracy = Collections.unmodifiableMap(acc);
    bestValAccuracy =
        bestValAccuracy.isPresent()
            ? OptionalDouble.of(stored(bestValAccuracy.getAsDouble()))
            : bestValAccuracy;
    Map<Stage, Double> secs = new EnumMap<>(Stage.class);
    seconds.forEach((s, v) -> secs.put(s, stored(v)));
    seconds = Collections.unmodifiableMap(secs);
    issues = Collections.unmodifiableMap(new LinkedHashMap<>(issues));
    other = Collections.unmodifiableMap(new LinkedHashMap<>(other));
  }

  /** The accuracy on {@code split}, when the run measured it. */
  public OptionalDouble accuracy(Split split) {
    Double v = accuracy.get(split);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** The seconds of {@code stage}, when recorded. */
  public OptionalDouble seconds(Stage stage) {
    Double v = seconds.get(stage);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** Images flagged with {@code verdict} ("label error", "leak", ...), 0 when none. */
  public int issues(String verdict) {
    return issues.getOrDefault(verdict, 0);
  }

  /** The catalog's key=value form. */
  public Map<String, String> stored() {
    Map<String, String> out = new LinkedHashMap<>();
    accuracy.forEach((s, v) -> out.put(ACCURACY + s.folder(), format(v)));
    bestEpoch.ifPresent(e -> out.put(BEST_EPOCH, Integer.toString(e)));
    bestValAccuracy.ifPresent(v -> out.put(BEST_VAL_ACCURACY, format(v)));
    seconds.forEach((s, v) -> out.put(SECONDS + s.key(), format(v)));
    issues.forEach((k, v) -> out.put(ISSUES + k.replace(' ', '_'), Integer.toString(v)));
    out.putAll(other);
    return out;
  }

  /** Reads the catalog's key=value form, old runs' included; see the class comment. */
  public static RunResults fromStored(Map<String, String> stored) {
    Map<Split, Double> accuracy = new EnumMap<>(Split.class);
    OptionalInt bestEpoch = OptionalInt.empty();
    OptionalDouble bestVal = OptionalDouble.empty();
    Map<Stage, Double> seconds = new EnumMap<>(Stage.class);
    Map<String, Integer> issues = new LinkedHashMap<>();
    Map<String, String> other = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : stored.entrySet()) {
      String k = e.getKey();
      String v = e.getValue();
      try {
        if (k.startsWith(ACCURACY) && split(k.substring(ACCURACY.length())) != null) {
          accuracy.put(split(k.substring(ACCURACY.length())), Double.valueOf(v));
        } else if (k.equals(BEST_EPOCH)) {
          bestEpoch = OptionalInt.of(Integer.parseInt(v));
        } else if (k.equals(BEST_VAL_ACCURACY)) {
          bestVal = OptionalDouble.of(Double.parseDouble(v));
        } else if (k.startsWith(SECONDS) && stage(k.substring(SECONDS.length())) != null) {
          seconds.put(stage(k.substring(SECONDS.length())), Double.valueOf(v));
        } else if (k.startsWith(ISSUES)) {
          issues.put(k.substring(ISSUES.length()).replace('_', ' '), Integer.valueOf(v));
        } else {
          other.put(k, v);
        }
      } catch (NumberFormatException unreadable) {
        other.put(k, v); // kept as it was, written back unchanged
      }
    }
    return new RunResults(accuracy, bestEpoch, bestVal, seconds, issues, other);
  }

  private static Split split(String folder) {
    for (Split s : Split.values()) {
      if (s.folder().equals(folder)) {
        return s;
      }
    }
    return null;
  }

  private static Stage stage(String key) {
    for (Stage s : Stage.values()) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    return null;
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private static double stored(double v) {
    return Double.parseDouble(format(v));
  }
}

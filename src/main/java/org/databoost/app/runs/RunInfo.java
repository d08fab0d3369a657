package org.databoost.app.runs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.databoost.dataset.Split;
import org.databoost.workspace.RunRecord;

/**
 * A kept run as the window names it: its number, kind and preset, its accuracies per split (train
 * marked in or out of sample), its epochs, and how many edits the dataset has seen since.
 *
 * @param accuracy accuracy per split, in the order train, val, test, label_book
 * @param trainOutOfSample whether the train figures come from k-fold models that did not see them
 * @param epochs the main model's epochs, "epoch,loss,val_accuracy,seconds" lines after a header
 */
public record RunInfo(
    long id,
    String kind,
    String preset,
    int folds,
    Instant finishedAt,
    Map<Split, Double> accuracy,
    boolean trainOutOfSample,
    List<String> epochs,
    int editsSince) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

  public static RunInfo of(RunRecord r, int editsSince) {
    int folds = Integer.parseInt(r.parameters().getOrDefault("folds", "0"));
    return new RunInfo(
        r.id(),
        r.kind(),
        r.parameters().getOrDefault("preset", "?"),
        folds,
        r.finishedAt(),
        r.results().accuracy(),
        folds > 1,
        r.epochs(),
        editsSince);
  }

  /** Whether the table may show it: the random-candidates ablation never was the dataset. */
  public boolean showable() {
    return !kind.endsWith("-random");
  }

  /** "Run #3" and what made it, for the run picker. */
  public String title() {
    String what =
        switch (kind) {
          case "boost" -> "Boost round";
          case "boost-baseline" -> "Boost baseline";
          case "flags" -> "Flags from the embeddings";
          default -> "Evaluate";
        };
    String out = String.format(Locale.ROOT, "Run #%d · %s · %s", id, what, TIME.format(finishedAt));
    return editsSince > 0 ? out + " · out of date" : out;
  }

  /** "val accuracy 42.5% · ... · train accuracy 61.2% (out of sample, 3 folds)". */
  public String figures() {
    List<String> parts = new ArrayList<>();
    for (Split s : List.of(Split.VAL, Split.LABEL_BOOK, Split.TEST, Split.TRAIN)) {
      Double a = accuracy.get(s);
      if (a == null) {
        continue;
      }
      String text = String.format(Locale.ROOT, "%s accuracy %.1f%%", s.folder(), 100 * a);
      if (s == Split.TRAIN) {
        text += trainOutOfSample ? " (out of sample, " + folds + " folds)" : " (in sample)";
      }
      parts.add(text);
    }
    return String.join(" · ", parts);
  }

  /** The line above the table: which run it shows, its figures, whether it is out of date. */
  public String headline() {
    if (kind.equals("flags")) {
      String out =
          String.format(
              Locale.ROOT,
              "Run #%d: flags from the embeddings alone (no model yet: Evaluate adds its opinion)",
              id);
      return editsSince > 0 ? out + " — " + EditsSince.describe(editsSince) : out;
    }
    String out = String.format(Locale.ROOT, "Run #%d (%s preset): %s", id, preset, figures());
    return editsSince > 0 ? out + " — " + EditsSince.describe(editsSince) : out;
  }
}

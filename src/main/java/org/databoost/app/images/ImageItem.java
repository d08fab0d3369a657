package org.databoost.app.images;

import java.util.List;
import java.util.Optional;
import org.databoost.boost.BoostService;
import org.databoost.dataset.Split;

/**
 * One row of the image table: the catalog's facts joined with a run's prediction. Numbers are NaN
 * and texts empty while there is no run.
 *
 * @param split the image's split; empty for an image outside the split folders
 * @param runGiven the label the image had when the run judged it; empty when the run did not see
 *     it. It differs from {@code given} once the image was relabelled since.
 * @param quality the run's label-quality score in [0, 1] (lower: likelier wrong); NaN unflagged
 * @param judges which judges decided the flag and how sure they were; empty when none
 * @param kept whether the user kept this image's content under its given label (the K key): a flag
 *     on it was looked at and judged wrong, so it no longer counts as flagged
 */
public record ImageItem(
    String path,
    Optional<Split> split,
    String given,
    String predicted,
    double loss,
    double confidence,
    double selfConfidence,
    String issue,
    String suggested,
    String provenance,
    float[] probabilities,
    int duplicateGroup,
    double outlier,
    String runGiven,
    double quality,
    String judges,
    boolean kept) {

  /** A row without a label-quality score or judges. */
  public ImageItem(
      String path,
      Optional<Split> split,
      String given,
      String predicted,
      double loss,
      double confidence,
      double selfConfidence,
      String issue,
      String suggested,
      String provenance,
      float[] probabilities,
      int duplicateGroup,
      double outlier,
      String runGiven) {
    this(
        path,
        split,
        given,
        predicted,
        loss,
        confidence,
        selfConfidence,
        issue,
        suggested,
        provenance,
        probabilities,
        duplicateGroup,
        outlier,
        runGiven,
        Double.NaN,
        "",
        false);
  }

  /**
   * What the table's "Suggested" column says: the label for a label error, "delete" for junk, a
   * leak or a duplicate (never a label: there is none to give them).
   */
  public String suggestionText() {
    if (keptFlag()) {
      return "";
    }
    if (issue.isEmpty() || editedSinceRun()) {
      return suggested;
    }
    return suggested.isEmpty() ? "delete" : suggested;
  }

  /** Whether the run predicted another label than the given one. */
  public boolean misclassified() {
    return !predicted.isEmpty() && !predicted.equals(given);
  }

  /** Whether a Boost round added this image (its provenance says so). */
  public boolean addedByBoost() {
    return BoostService.isBoostProvenance(provenance);
  }

  /** Whether a run flagged the image and the user has not kept its label since. */
  public boolean flagged() {
    return !issue.isEmpty() && !keptFlag();
  }

  /** Whether the run flagged the image and the user kept its label, judging the flag wrong. */
  public boolean keptFlag() {
    return kept && !issue.isEmpty() && !editedSinceRun();
  }

  /** Whether the run's flag was dealt with since: the image relabelled, or its label kept. */
  public boolean resolved() {
    return editedSinceRun() || keptFlag();
  }

  /** The same row with its label kept or not. */
  public ImageItem withKept(boolean k) {
    return new ImageItem(
        path,
        split,
        given,
        predicted,
        loss,
        confidence,
        selfConfidence,
        issue,
        suggested,
        provenance,
        probabilities,
        duplicateGroup,
        outlier,
        runGiven,
        quality,
        judges,
        k);
  }

  /**
   * Whether the image was relabelled since the run: its prediction, loss and flag are about the
   * label it had then.
   */
  public boolean editedSinceRun() {
    return !runGiven.isEmpty() && !runGiven.equals(given);
  }

  /**
   * The flag as the table shows it: marked resolved once the image was relabelled since, kept once
   * the user kept its label.
   */
  public String issueText() {
    if (issue.isEmpty()) {
      return editedSinceRun() ? "relabelled since the run" : "";
    }
    if (keptFlag()) {
      return "label kept (" + issue + ")";
    }
    return editedSinceRun() ? "resolved (" + issue + ")" : issue;
  }

  /**
   * The suggestion Enter would accept, or why there is none (then {@link Suggestion#label()} is
   * empty).
   */
  public Suggestion suggestion() {
    String name = fileName();
    if (predicted.isEmpty()) {
      return Suggestion.none(
          name
              + " has no prediction yet: press Evaluate, then Enter accepts a flagged suggestion.");
    }
    if (keptFlag()) {
      return Suggestion.none(
          "You kept the label of "
              + name
              + ", so its "
              + issue
              + " flag has no suggestion; K brings the flag back.");
    }
    if (!flagged()) {
      return Suggestion.none(
          name + " is not flagged, so there is no suggestion to accept; 1..9 and 0 relabel it.");
    }
    if (suggested.isEmpty() || suggested.equals(runGiven)) {
      return Suggestion.none(
          name
              + " is flagged as "
              + issue
              + " with no better label; Delete moves it to the trash.");
    }
    if (suggested.equals(given)) {
      return Suggestion.none(name + " already has the suggested label " + given + ".");
    }
    return new Suggestion(suggested, "");
  }

  /** A label to accept, or the reason there is none. */
  public record Suggestion(String label, String whyNone) {
    static Suggestion none(String why) {
      return new Suggestion("", why);
    }

    public boolean usable() {
      return !label.isEmpty();
    }
  }

  /** The near-duplicate group as the table shows it, 1-based; empty when none. */
  public String duplicateText() {
    return duplicateGroup < 0 ? "" : Integer.toString(duplicateGroup + 1);
  }

  /**
   * The other copy of a leak or a duplicate, as its judges name it ("byte-identical to PATH ..." or
   * "the same drawing as PATH ..."): the dataset-relative path of the copy to keep; empty for any
   * other flag, or once the image was relabelled since the run.
   */
  public String otherCopy() {
    if (!("leak".equals(issue) || "duplicate".equals(issue)) || resolved()) {
      return "";
    }
    for (String how : List.of("byte-identical to ", "the same drawing as ")) {
      if (judges.startsWith(how)) {
        String rest = judges.substring(how.length());
        int end = rest.indexOf(": delete this copy");
        String path = end < 0 ? rest : rest.substring(0, end);
        int labelled = path.lastIndexOf(" (labelled ");
        return (labelled < 0 ? path : path.substring(0, labelled)).strip();
      }
    }
    return "";
  }

  /** The file name alone, for display. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Whether the image is in this split. */
  public boolean in(Split s) {
    return split.isPresent() && split.get() == s;
  }

  /** The split's folder name as the table shows it ("train"); empty outside the split folders. */
  public String splitFolder() {
    return split.map(Split::folder).orElse("");
  }
}

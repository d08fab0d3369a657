package org.databoost.autopilot;

import java.util.List;

/**
 * One step of the plan as the review shows it, before anything changes.
 *
 * @param letter a..f
 * @param title what the step does, e.g. "Remove junk and leaks"
 * @param enabled whether it will run
 * @param count how many images it changes (for Boost: at most)
 * @param summary one or two lines of counts
 * @param examples images it will change, each with why
 */
public record PlanStep(
    char letter, String title, boolean enabled, int count, String summary, List<Example> examples) {

  /**
   * An image a step will change, and why.
   *
   * @param preview the image as the step will leave it, PNG-encoded, where it differs from the file
   *     on disk (step c's crop); empty otherwise
   */
  public record Example(String path, String note, byte[] preview) {
    public Example(String path, String note) {
      this(path, note, new byte[0]);
    }

    public boolean hasPreview() {
      return preview.length > 0;
    }
  }

  public PlanStep {
    examples = List.copyOf(examples);
  }

  /** "a. Remove junk and leaks". */
  public String heading() {
    return letter + ". " + title;
  }
}

package org.databoost.autopilot;

import java.util.Optional;

/**
 * What the cleaning steps act on: one judged image.
 *
 * @param path the image (relative, '/' separators)
 * @param kind what is wrong with it
 * @param suggestion the label it should have (label errors only)
 * @param confidence how sure the judge is, 0..1: for a label error the probability of the
 *     suggestion, for junk one minus the largest class probability
 * @param reason one line for the plan review
 */
public record Verdict(
    String path, Kind kind, Optional<String> suggestion, double confidence, String reason) {

  /** The kinds of verdict the autopilot acts on. */
  public enum Kind {
    /** Not an image of any class: removed in step a. */
    JUNK,
    /** A copy of another image (across splits or within one): removed in step a. */
    LEAK,
    /** Probably another class's image: relabelled in step b when the judge is confident. */
    LABEL_ERROR
  }
}

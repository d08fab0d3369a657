package org.databoost.dataset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something the scan found wrong with, or decided about, a dataset.
 *
 * @param path the file or folder concerned, relative to the dataset root; null when the problem is
 *     about the dataset as a whole
 * @param message what is wrong, in a user's words (without the path)
 */
public record Problem(Severity severity, ProblemKind kind, Path path, String message) {

  /** How much a problem matters. */
  public enum Severity {
    /** A file was excluded, or the dataset cannot be used. */
    ERROR,
    /** The dataset is usable but has a flaw worth fixing. */
    WARNING,
    /** A decision the scan made on the user's behalf. */
    INFO
  }

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** A problem with its kind's usual severity. */
  public static Problem of(ProblemKind kind, Path path, String message) {
    return new Problem(kind.severity(), kind, path, message);
  }

  /** The path with forward slashes on every platform, or "" for the whole dataset. */
  public String displayPath() {
    return path == null ? "" : PathText.of(path);
  }
}

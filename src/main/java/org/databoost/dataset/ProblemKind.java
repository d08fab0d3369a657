package org.databoost.dataset;

import org.databoost.dataset.Problem.Severity;
import org.databoost.imaging.ImageReadException;

/** What kind of problem a scan found; the report groups problems by kind, in this order. */
public enum ProblemKind {
  DATASET_FOLDER(Severity.ERROR, true, "Dataset folder"),
  NO_IMAGES(Severity.ERROR, true, "No images"),
  NO_TRAINING_DATA(Severity.ERROR, true, "No training data"),
  NO_VALIDATION_DATA(Severity.ERROR, true, "No validation data"),
  TOO_FEW_LABELS(Severity.ERROR, true, "Too few labels"),
  UNREADABLE_FOLDER(Severity.ERROR, false, "Unreadable folders"),
  EMPTY_FILE(Severity.ERROR, false, "Empty files"),
  NOT_AN_IMAGE(Severity.ERROR, false, "Not images"),
  TRUNCATED(Severity.ERROR, false, "Truncated images"),
  CORRUPT(Severity.ERROR, false, "Corrupt images"),
  TOO_LARGE(Severity.ERROR, false, "Images too large"),
  UNREADABLE_FILE(Severity.ERROR, false, "Unreadable files"),
  LEAKAGE(Severity.WARNING, false, "Leakage between splits"),
  CONFLICTING_LABELS(Severity.WARNING, false, "Same image, different labels"),
  DUPLICATE(Severity.WARNING, false, "Duplicates"),
  LABEL_NOT_IN_TRAIN(Severity.WARNING, false, "Labels missing from train"),
  EMPTY_LABEL(Severity.WARNING, false, "Empty label folders"),
  STRAY_FILE(Severity.WARNING, false, "Files outside label folders"),
  NESTED_FOLDER(Severity.WARNING, false, "Folders inside label folders"),
  UNEXPECTED_FOLDER(Severity.WARNING, false, "Unexpected folders"),
  LINK_OUTSIDE(Severity.WARNING, false, "Links leaving the dataset"),
  BROKEN_LINK(Severity.WARNING, false, "Broken links"),
  DECODER_WARNING(Severity.WARNING, false, "Decoder warnings"),
  VIRTUAL_SPLIT(Severity.INFO, false, "Validation split"),
  SAME_FILE_LINK(Severity.INFO, false, "Files reached twice through links"),
  FORMAT_MISMATCH(Severity.INFO, false, "Extension does not match the content"),
  IGNORED_FILE(Severity.INFO, false, "Files ignored");

  private final Severity severity;
  private final boolean blocking;
  private final String title;

  ProblemKind(Severity severity, boolean blocking, String title) {
    this.severity = severity;
    this.blocking = blocking;
    this.title = title;
  }

  public Severity severity() {
    return severity;
  }

  /** Whether a problem of this kind makes the whole dataset unusable. */
  public boolean blocking() {
    return blocking;
  }

  /**
   * Whether a problem of this kind stops only the training of a model, not the judging of the
   * images from their embeddings (leaks, duplicates, junk): one label with training images, or no
   * validation images.
   */
  public boolean blocksTrainingOnly() {
    return this == TOO_FEW_LABELS || this == NO_VALIDATION_DATA;
  }

  /** A heading for a group of problems of this kind. */
  public String title() {
    return title;
  }

  /** The kind of problem a failed decode is, by the decoder's reason. */
  public static ProblemKind of(ImageReadException.Reason reason) {
    return switch (reason) {
      case EMPTY -> EMPTY_FILE;
      case NOT_AN_IMAGE -> NOT_AN_IMAGE;
      case TRUNCATED -> TRUNCATED;
      case CORRUPT -> CORRUPT;
      case TOO_LARGE -> TOO_LARGE;
      case UNREADABLE -> UNREADABLE_FILE;
    };
  }
}

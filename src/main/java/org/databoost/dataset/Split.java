package org.databoost.dataset;

import java.util.Locale;
import java.util.Optional;

/** The splits a dataset folder may hold, in display order. */
public enum Split {
  TRAIN("train"),
  VAL("val"),
  TEST("test"),
  LABEL_BOOK("label_book");

  private final String folder;

  Split(String folder) {
    this.folder = folder;
  }

  /** The folder name of this split under the dataset root. */
  public String folder() {
    return folder;
  }

  /** The split whose folder has this exact name, if any. */
  public static Optional<Split> ofFolder(String name) {
    for (Split s : values()) {
      if (s.folder.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Parses a split from user input: its folder name, case-insensitive. */
  public static Split parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    if (t.equals("validation")) {
      return VAL;
    }
    return ofFolder(t)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown split '" + text + "' (expected train, val, test or label_book)"));
  }

  @Override
  public String toString() {
    return folder;
  }
}

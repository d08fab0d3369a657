package org.databoost.report;

/** The finding shown in an image's "Issue" column. */
public enum IssueFlag {
  NONE(""),
  LABEL_ERROR("label error"),
  NOT_A_NUMERAL("not a numeral"),
  LEAK("leak"),
  DUPLICATE("duplicate");

  private final String text;

  IssueFlag(String text) {
    this.text = text;
  }

  /** The flag written as these words; NONE for anything else. */
  public static IssueFlag ofText(String text) {
    for (IssueFlag f : values()) {
      if (f.text.equals(text)) {
        return f;
      }
    }
    return NONE;
  }

  /** The words written in the cell; empty for {@link #NONE}. */
  public String text() {
    return text;
  }
}

package org.databoost.report;

/** The finding shown in an image's "Issue" column. */
public enum IssueFlag {
  NONE(""),
  LABEL_ERROR("label error"),
  NOT_A_NUMERAL("not a numeral");

  private final String text;

  IssueFlag(String text) {
    this.text = text;
  }

  /** The words written in the cell; empty for {@link #NONE}. */
  public String text() {
    return text;
  }
}

package org.databoost.app.map;

/** Which fact about an image its colour on the map shows. */
public enum MapColouring {
  SPLIT("split"),
  GIVEN("given label"),
  PREDICTED("predicted label"),
  VERDICT("verdict");

  private final String title;

  MapColouring(String title) {
    this.title = title;
  }

  @Override
  public String toString() {
    return title;
  }
}

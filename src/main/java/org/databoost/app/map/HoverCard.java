package org.databoost.app.map;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The small card next to the mouse over a point: its thumbnail, file name, split and labels. A node
 * over the canvas rather than a popup window, so it shows in snapshots and never takes the focus.
 */
final class HoverCard {
  static final int THUMB = 96;
  private static final double GAP = 14;

  private final ImageView thumb = new ImageView();
  private final Label name = new Label();
  private final Label labels = new Label();
  private final VBox box;

  HoverCard() {
    thumb.setPreserveRatio(true);
    thumb.setFitWidth(THUMB);
    thumb.setFitHeight(THUMB);
    StackPane frame = new StackPane(thumb);
    frame.setMinSize(THUMB + 4, THUMB + 4);
    frame.setMaxSize(THUMB + 4, THUMB + 4);
    frame.getStyleClass().add("image-frame");
    name.getStyleClass().add("hover-name");
    name.setId("hover-name");
    labels.getStyleClass().add("hover-labels");
    labels.setId("hover-labels");
    box = new VBox(4, frame, name, labels);
    box.setPadding(new Insets(8));
    box.getStyleClass().add("hover-card");
    box.setId("hover-card");
    box.setManaged(false);
    box.setMouseTransparent(true);
    box.setVisible(false);
  }

  VBox node() {
    return box;
  }

  /** Shows the card for a point near (x, y), inside a pane of this size, flipping at its edges. */
  void show(PointFacts facts, Image image, double x, double y, double paneW, double paneH) {
    thumb.setImage(image);
    name.setText(facts.fileName());
    labels.setText(facts.labels());
    box.setVisible(true);
    box.applyCss();
    box.autosize();
    double w = box.getWidth();
    double h = box.getHeight();
    double left = x + GAP + w <= paneW ? x + GAP : Math.max(0, x - GAP - w);
    double top = y + GAP + h <= paneH ? y + GAP : Math.max(0, y - GAP - h);
    box.relocate(left, top);
  }

  void hide() {
    box.setVisible(false);
    thumb.setImage(null);
  }

  boolean isShowing() {
    return box.isVisible();
  }
}

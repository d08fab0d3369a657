package org.databoost.app.images;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The selected image, large, with its given and predicted labels, the probability of every label,
 * and the keys that edit it.
 */
final class ImageViewer {
  private final ImagesViewModel model;
  private final Supplier<Path> datasetRoot;
  private final ImageView image = new ImageView();
  private final Label title = new Label("Select an image.");
  private final Label labels = new Label();
  private final GridPane bars = new GridPane();
  private final Label keys = new Label();
  private final Label origin = new Label();
  private final CopyPair copies;

  ImageViewer(ImagesViewModel model, Supplier<Path> datasetRoot) {
    this.model = model;
    this.datasetRoot = datasetRoot;
    this.copies = new CopyPair(model, datasetRoot);
  }

  VBox build() {
    image.setPreserveRatio(true);
    image.setSmooth(false); // crisp pixels: the images are small and their strokes matter
    StackPane frame = new StackPane(image);
    frame.getStyleClass().add("image-frame");
    // The picture fills the frame, which grows with the pane (drag the divider to widen it).
    frame.setMinSize(180, 140);
    frame.setPrefSize(310, 250);
    image.fitWidthProperty().bind(frame.widthProperty().subtract(10));
    image.fitHeightProperty().bind(frame.heightProperty().subtract(10));
    // The wheel zooms the picture (up to 8x, clipped to the frame); a double click fits it again.
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(frame.widthProperty());
    clip.heightProperty().bind(frame.heightProperty());
    frame.setClip(clip);
    frame.setOnScroll(
        e -> {
          zoom(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP);
          e.consume();
        });
    frame.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            zoomTo(1);
          }
        });
    title.getStyleClass().add("viewer-title");
    title.setWrapText(true);
    labels.getStyleClass().add("viewer-labels");
    labels.setId("viewer-labels");
    labels.setWrapText(true); // a judges line names paths: wrapped, never cut off
    bars.setHgap(6);
    bars.setVgap(2);
    keys.getStyleClass().add("viewer-keys");
    origin.getStyleClass().add("viewer-origin");
    origin.setId("viewer-origin");
    origin.setWrapText(true);
    origin.managedProperty().bind(origin.textProperty().isNotEmpty());
    origin.visibleProperty().bind(origin.managedProperty());
    keys.setWrapText(true);
    // Texts keep their height; only the picture may shrink when the window is short.
    for (Label l : List.of(title, labels, origin, keys)) {
      l.setMinHeight(Region.USE_PREF_SIZE);
    }
    model.labels().addListener((ListChangeListener<String>) c -> showKeys());
    showKeys();
    CheckBox advance = new CheckBox("Next image after an edit");
    advance.setId("advance-after-edit");
    advance.selectedProperty().bindBidirectional(model.edits().advanceProperty());
    VBox box = new VBox(8, frame, title, labels, origin, copies.build(), bars, advance, keys);
    VBox.setVgrow(frame, Priority.ALWAYS);
    box.setPadding(new Insets(0, 0, 0, 10));
    box.setAlignment(Pos.TOP_LEFT);
    box.setPrefWidth(330);
    box.setMinWidth(230);
    return box;
  }

  /**
   * Where an added image came from, short enough for the viewer: the provenance up to its
   * augmentation parameters (the whole text is the tooltip and the table's "Added by" column).
   */
  static String originText(String provenance) {
    if (provenance.isEmpty()) {
      return "";
    }
    int aug = provenance.indexOf("; aug-");
    return "Added by " + (aug > 0 ? provenance.substring(0, aug) : provenance);
  }

  static final double ZOOM_STEP = 1.25;
  static final double MAX_ZOOM = 8;

  /** Multiplies the picture's zoom, kept within 1 (fit) and {@value #MAX_ZOOM}. */
  void zoom(double factor) {
    zoomTo(image.getScaleX() * factor);
  }

  void zoomTo(double value) {
    double z = Math.max(1, Math.min(MAX_ZOOM, value));
    image.setScaleX(z);
    image.setScaleY(z);
  }

  double zoom() {
    return image.getScaleX();
  }

  void show(ImageItem item) {
    bars.getChildren().clear();
    zoomTo(1);
    copies.show(item);
    if (item == null) {
      image.setImage(null);
      title.setText("Select an image.");
      labels.setText("");
      origin.setText("");
      return;
    }
    Path root = datasetRoot.get();
    image.setImage(
        root == null ? null : new Image(root.resolve(item.path()).toUri().toString(), true));
    title.setText(item.path());
    labels.setText(describe(item));
    labels.getStyleClass().remove("resolved");
    if (item.resolved()) {
      labels.getStyleClass().add("resolved");
    }
    origin.setText(originText(item.provenance()));
    origin.setTooltip(item.provenance().isEmpty() ? null : new Tooltip(item.provenance()));
    float[] p = item.probabilities();
    List<String> names = model.runLabels();
    if (p != null && p.length == names.size()) {
      for (int i = 0; i < p.length; i++) {
        ProgressBar bar = new ProgressBar(p[i]);
        bar.setPrefWidth(180);
        if (names.get(i).equals(item.given())) {
          bar.getStyleClass().add("given-bar");
        }
        bars.addRow(
            i, new Label(names.get(i)), bar, new Label(String.format(Locale.ROOT, "%.2f", p[i])));
      }
    }
  }

  /** Given and predicted labels, the flag and its suggestion, or that it was resolved since. */
  static String describe(ImageItem item) {
    StringBuilder sb = new StringBuilder("Given: ").append(item.given());
    if (item.editedSinceRun()) {
      sb.append("   (relabelled since the run, which saw ").append(item.runGiven()).append(")");
      sb.append("\nThe run predicted ").append(item.predicted());
      if (!item.issue().isEmpty()) {
        sb.append("; its ").append(item.issue()).append(" flag is resolved.");
      }
      return sb.toString();
    }
    if (!item.predicted().isEmpty()) {
      sb.append("    Predicted: ").append(item.predicted());
      sb.append(String.format(Locale.ROOT, "  (loss %.3f)", item.loss()));
    }
    if (item.keptFlag()) {
      sb.append("\nFlagged ")
          .append(item.issue())
          .append(", and you kept the label: the flag is dismissed (K brings it back).");
      if (!item.judges().isEmpty()) {
        sb.append("\nJudges: ").append(item.judges());
      }
      return sb.toString();
    }
    if (!item.issue().isEmpty()) {
      sb.append("\n").append(capitalise(item.issue()));
      ImageItem.Suggestion s = item.suggestion();
      if (s.usable()) {
        sb.append(": suggested ").append(s.label()).append(" (Enter accepts)");
      } else if (!"label error".equals(item.issue())) {
        sb.append(": suggested Delete (the Delete key)");
      }
      if (!Double.isNaN(item.quality())) {
        sb.append(String.format(Locale.ROOT, "   label quality %.2f", item.quality()));
      }
      if (!item.judges().isEmpty()) {
        sb.append("\nJudges: ").append(item.judges());
      }
    }
    return sb.toString();
  }

  private void showKeys() {
    StringBuilder sb = new StringBuilder("Keys: ");
    List<String> l = model.labels();
    for (int i = 0; i < Math.min(10, l.size()); i++) {
      sb.append(i == 9 ? 0 : i + 1).append(" ").append(l.get(i)).append("  ");
    }
    sb.append("\nDelete: to the trash   Enter: accept the suggestion\n");
    sb.append("K: the flag is wrong, keep the label   ↑ ↓: next image\n");
    sb.append("Ctrl+Z: undo   Ctrl+Shift+Z: redo\n");
    sb.append("Right-click: the same for every selected image\n");
    sb.append("Wheel on the picture: zoom   double-click: fit");
    keys.setText(sb.toString());
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

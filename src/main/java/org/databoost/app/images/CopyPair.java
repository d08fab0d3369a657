package org.databoost.app.images;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A leak or a duplicate in the viewer: this image and the copy its judges name, side by side with
 * their paths, splits and labels, and one button that moves this copy to the trash (an ordinary
 * edit: Ctrl+Z puts it back).
 */
final class CopyPair {
  private static final double PICTURE = 130;

  private final ImagesViewModel model;
  private final Supplier<Path> datasetRoot;
  private final Label heading = new Label();
  private final ImageView thisPicture = picture();
  private final ImageView otherPicture = picture();
  private final Label thisCaption = caption("copy-this");
  private final Label otherCaption = caption("copy-other");
  private final Button fix = new Button();
  private final VBox box = new VBox(6);
  private ImageItem shown;

  CopyPair(ImagesViewModel model, Supplier<Path> datasetRoot) {
    this.model = model;
    this.datasetRoot = datasetRoot;
  }

  VBox build() {
    heading.getStyleClass().add("copy-heading");
    heading.setWrapText(true);
    heading.setMinHeight(Region.USE_PREF_SIZE);
    HBox pair =
        new HBox(
            8,
            card(thisPicture, thisCaption, "This copy"),
            card(otherPicture, otherCaption, "The other copy"));
    fix.setId("keep-other-copy");
    fix.setWrapText(true);
    fix.setMaxWidth(Double.MAX_VALUE);
    fix.setOnAction(
        e -> {
          if (shown != null) {
            model.edits().delete(List.of(shown));
          }
        });
    box.getChildren().setAll(heading, pair, fix);
    box.setId("copy-pair");
    box.getStyleClass().add("copy-pair");
    box.managedProperty().bind(box.visibleProperty());
    box.setVisible(false);
    return box;
  }

  /** Shows the pair when {@code item} is a leak or a duplicate whose other copy is in the table. */
  void show(ImageItem item) {
    String otherPath = item == null ? "" : item.otherCopy();
    Optional<ImageItem> other = otherPath.isEmpty() ? Optional.empty() : model.row(otherPath);
    Path root = datasetRoot.get();
    if (other.isEmpty() || root == null) {
      shown = null;
      thisPicture.setImage(null);
      otherPicture.setImage(null);
      box.setVisible(false);
      return;
    }
    shown = item;
    ImageItem kept = other.get();
    heading.setText(
        "leak".equals(item.issue())
            ? "Leak: the same image is in "
                + kept.splitFolder()
                + " and "
                + item.splitFolder()
                + "."
            : "Duplicate: the same image twice in " + item.splitFolder() + ".");
    thisPicture.setImage(new Image(root.resolve(item.path()).toUri().toString(), true));
    otherPicture.setImage(new Image(root.resolve(kept.path()).toUri().toString(), true));
    describe(thisCaption, item);
    describe(otherCaption, kept);
    fix.setText(
        kept.split().equals(item.split())
            ? "Keep the other copy, delete this one"
            : "Keep the " + kept.splitFolder() + " copy, delete this one");
    box.setVisible(true);
  }

  private static void describe(Label caption, ImageItem i) {
    caption.setText(i.splitFolder() + ", labelled " + i.given() + "\n" + i.path());
    caption.setTooltip(new Tooltip(i.path()));
  }

  private static VBox card(ImageView view, Label caption, String title) {
    StackPane frame = new StackPane(view);
    frame.getStyleClass().add("image-frame");
    frame.setMinSize(PICTURE + 6, PICTURE + 6);
    frame.setPrefSize(PICTURE + 6, PICTURE + 6);
    frame.setMaxSize(PICTURE + 6, PICTURE + 6);
    Label name = new Label(title);
    name.getStyleClass().add("copy-title");
    VBox card = new VBox(3, name, frame, caption);
    card.setAlignment(Pos.TOP_LEFT);
    card.setPrefWidth(PICTURE + 6);
    card.setMinWidth(PICTURE + 6);
    HBox.setHgrow(card, Priority.NEVER);
    return card;
  }

  private static ImageView picture() {
    ImageView v = new ImageView();
    v.setPreserveRatio(true);
    v.setSmooth(false);
    v.setFitWidth(PICTURE);
    v.setFitHeight(PICTURE);
    return v;
  }

  private static Label caption(String id) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.setMaxWidth(PICTURE + 6);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.getStyleClass().add("viewer-origin");
    return l;
  }
}

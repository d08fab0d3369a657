package org.databoost.app.map;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * The legend drawn over the map's corner: each marker as the map draws it (the raster's own pixels,
 * enlarged), with how many points carry it.
 */
final class MapLegend {
  private static final int ICON = 11;

  private final Label train = entry(MarkerLayers.TRAIN + MarkerLayers.FULL);
  private final Label val = entry(MarkerLayers.VAL + MarkerLayers.FULL);
  private final Label wrong = entry(MarkerLayers.WRONG + MarkerLayers.FULL);
  private final Label boost = entry(MarkerLayers.BOOST + MarkerLayers.FULL);
  private final Label selected = entry(MarkerLayers.VAL, MarkerLayers.VAL + MarkerLayers.FULL);
  private final Label current = new Label("image selected in the table");
  private final VBox box = new VBox(3, train, val, wrong, boost, selected, current);

  MapLegend() {
    Circle ring = new Circle(6, Color.TRANSPARENT);
    ring.setStroke(Color.web("#202020"));
    ring.setStrokeWidth(2);
    current.setGraphic(ring);
    current.setGraphicTextGap(8);
    box.getStyleClass().add("map-legend");
    box.setId("map-legend");
    box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    box.setAlignment(Pos.TOP_LEFT);
    box.setMouseTransparent(true);
    update(null, 0);
  }

  VBox node() {
    return box;
  }

  /** Shows the counts of these layers and of the selection. */
  void update(MarkerLayers layers, int selectedCount) {
    int t = layers == null ? 0 : layers.count(MarkerLayers.TRAIN);
    int v = layers == null ? 0 : layers.count(MarkerLayers.VAL);
    int w = layers == null ? 0 : layers.count(MarkerLayers.WRONG);
    int b = layers == null ? 0 : layers.count(MarkerLayers.BOOST);
    train.setText(counted("train", t));
    val.setText(counted("val", v));
    wrong.setText(counted("val misclassified by the latest run", w));
    boost.setText(counted("added by Boost", b));
    selected.setText(
        selectedCount == 0
            ? "selected (the rest fades)"
            : counted("selected, the rest faded", selectedCount));
  }

  private static String counted(String what, int n) {
    return String.format(Locale.ROOT, "%s  %,d", what, n);
  }

  private static Label entry(int... layers) {
    int w = ICON * layers.length;
    WritableImage img = new WritableImage(w, ICON);
    img.getPixelWriter()
        .setPixels(
            0, 0, w, ICON, PixelFormat.getIntArgbInstance(), MapRaster.icon(ICON, layers), 0, w);
    ImageView view = new ImageView(img);
    // Twice the map's size, pixels kept sharp: the marker's exact shape is the point.
    view.setFitWidth(2.0 * w);
    view.setFitHeight(2.0 * ICON);
    view.setSmooth(false);
    Label l = new Label("", view);
    l.setGraphicTextGap(8);
    return l;
  }
}

package org.databoost.app.map;

import java.util.Locale;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * The legend drawn over the map's corner: each marker as the map draws it (the raster's own pixels,
 * enlarged), what it means, and how many points carry it.
 */
final class MapLegend {
  private static final int ICON = 11;
  private static final double SCALE = 2;

  private final GridPane grid = new GridPane();
  private final Label train = count("train");
  private final Label val = count("val");
  private final Label wrong = count("misclassified");
  private final Label boost = count("boost");
  private final Label selected = count("selected");

  MapLegend() {
    grid.getStyleClass().add("map-legend");
    grid.setId("map-legend");
    grid.setHgap(8);
    grid.setVgap(3);
    ColumnConstraints icons = new ColumnConstraints();
    icons.setHalignment(HPos.CENTER);
    ColumnConstraints counts = new ColumnConstraints();
    counts.setHalignment(HPos.RIGHT);
    grid.getColumnConstraints().setAll(icons, new ColumnConstraints(), counts);
    row(0, icon(MarkerLayers.TRAIN + MarkerLayers.FULL), "train", train);
    row(1, icon(MarkerLayers.VAL + MarkerLayers.FULL), "val", val);
    row(
        2,
        icon(MarkerLayers.WRONG + MarkerLayers.FULL),
        "val misclassified by the last run",
        wrong);
    row(3, icon(MarkerLayers.BOOST + MarkerLayers.FULL), "added by Boost", boost);
    row(4, icon(MarkerLayers.VAL, MarkerLayers.VAL + MarkerLayers.FULL), "selected", selected);
    Circle ring = new Circle(6, Color.TRANSPARENT);
    ring.setStroke(Color.web("#202020"));
    ring.setStrokeWidth(2);
    row(5, ring, "image selected in the table", new Label());
    grid.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    grid.setMouseTransparent(true);
    update(null, 0);
  }

  GridPane node() {
    return grid;
  }

  /** Shows the counts of these layers and of the selection; hidden while there is no map. */
  void update(MarkerLayers layers, int selectedCount) {
    grid.setVisible(layers != null && layers.size() > 0);
    if (layers == null) {
      return;
    }
    train.setText(number(layers.count(MarkerLayers.TRAIN)));
    // Val counts all val images, as the CLI's picture does; the misclassified are a part of them.
    val.setText(number(layers.count(MarkerLayers.VAL) + layers.count(MarkerLayers.WRONG)));
    wrong.setText(number(layers.count(MarkerLayers.WRONG)));
    boost.setText(number(layers.count(MarkerLayers.BOOST)));
    selected.setText(selectedCount == 0 ? "none" : number(selectedCount));
  }

  private void row(int r, Node icon, String what, Label count) {
    grid.addRow(r, icon, new Label(what), count);
  }

  private static Label count(String what) {
    Label l = new Label();
    l.setId("legend-count-" + what);
    l.getStyleClass().add("map-legend-count");
    return l;
  }

  private static String number(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static ImageView icon(int... layers) {
    int w = ICON * layers.length;
    WritableImage img = new WritableImage(w, ICON);
    img.getPixelWriter()
        .setPixels(
            0, 0, w, ICON, PixelFormat.getIntArgbInstance(), MapRaster.icon(ICON, layers), 0, w);
    ImageView view = new ImageView(img);
    // Enlarged with sharp pixels: the marker's exact shape is the point.
    view.setFitWidth(SCALE * w);
    view.setFitHeight(SCALE * ICON);
    view.setSmooth(false);
    return view;
  }
}

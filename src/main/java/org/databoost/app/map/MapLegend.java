package org.databoost.app.map;

import java.util.Locale;
import javafx.geometry.HPos;
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
 * The legend drawn over the map's corner: what the colours show, each category's marker as the map
 * draws it (the raster's own pixels, enlarged), what it means, and how many points carry it.
 */
final class MapLegend {
  private static final int ICON = 11;
  private static final double SCALE = 2;

  private final GridPane grid = new GridPane();
  private MapPalette shown;
  private Label[] counts = new Label[0];
  private final Label selected = count("selected");

  MapLegend() {
    grid.getStyleClass().add("map-legend");
    grid.setId("map-legend");
    grid.setHgap(8);
    grid.setVgap(3);
    ColumnConstraints icons = new ColumnConstraints();
    icons.setHalignment(HPos.CENTER);
    ColumnConstraints numbers = new ColumnConstraints();
    numbers.setHalignment(HPos.RIGHT);
    grid.getColumnConstraints().setAll(icons, new ColumnConstraints(), numbers);
    grid.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    grid.setMouseTransparent(true);
    update(null, 0);
  }

  GridPane node() {
    return grid;
  }

  /**
   * Shows the palette's categories that have points, each with its count, and the selection; hidden
   * while there is no map.
   */
  void update(MarkerLayers layers, int selectedCount) {
    grid.setVisible(layers != null && layers.size() > 0);
    if (layers == null) {
      return;
    }
    MapPalette p = layers.palette();
    int[] n = new int[p.size()];
    for (int k = 0; k < n.length; k++) {
      n[k] = layers.count(k);
    }
    if (p.colouring() == MapColouring.SPLIT) {
      // Val counts all val images, as the CLI's picture does; the misclassified are a part of them.
      n[1] += n[2];
    }
    if (shown == null || !shown.names().equals(p.names()) || !sameRows(n)) {
      rebuild(p, n);
    }
    for (int k = 0; k < n.length; k++) {
      counts[k].setText(number(n[k]));
    }
    selected.setText(selectedCount == 0 ? "none" : number(selectedCount));
  }

  /** Whether the rows shown are those of these counts (a category appears once it has points). */
  private boolean sameRows(int[] n) {
    for (int k = 0; k < n.length; k++) {
      if ((n[k] > 0) != (counts[k].getParent() != null)) {
        return false;
      }
    }
    return true;
  }

  private void rebuild(MapPalette p, int[] n) {
    shown = p;
    grid.getChildren().clear();
    counts = new Label[p.size()];
    int r = 0;
    Label title = new Label("colour: " + p.colouring());
    title.getStyleClass().add("map-legend-title");
    grid.add(title, 0, r++, 3, 1);
    for (int k = 0; k < p.size(); k++) {
      counts[k] = count(p.names().get(k));
      if (n[k] > 0 || k == 0 && p.colouring() == MapColouring.SPLIT) {
        grid.addRow(r++, icon(p.markers().get(k)), new Label(p.names().get(k)), counts[k]);
      }
    }
    Marker any = p.markers().get(Math.min(1, p.size() - 1));
    grid.addRow(r++, icon(any.faded(), any), new Label("selected"), selected);
    Circle ring = new Circle(6, Color.TRANSPARENT);
    ring.setStroke(Color.web("#202020"));
    ring.setStrokeWidth(2);
    grid.addRow(r, ring, new Label("image selected in the table"), new Label());
  }

  private static Label count(String what) {
    Label l = new Label();
    l.setId("legend-count-" + what.replace(' ', '-'));
    l.getStyleClass().add("map-legend-count");
    return l;
  }

  private static String number(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static ImageView icon(Marker... markers) {
    int w = ICON * markers.length;
    WritableImage img = new WritableImage(w, ICON);
    img.getPixelWriter()
        .setPixels(
            0, 0, w, ICON, PixelFormat.getIntArgbInstance(), MapRaster.icon(ICON, markers), 0, w);
    ImageView view = new ImageView(img);
    // Enlarged with sharp pixels: the marker's exact shape is the point.
    view.setFitWidth(SCALE * w);
    view.setFitHeight(SCALE * ICON);
    view.setSmooth(false);
    return view;
  }
}

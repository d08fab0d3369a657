package org.databoost.app.map;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.databoost.map.MapPoint;

/**
 * The 2-D map on a canvas drawn through a pixel buffer (node-per-point charts cannot hold 100K
 * points): train and val in two colours, misclassified val images red; a click selects the image, a
 * dragged box filters the table to the images inside it.
 */
public final class MapView {
  static final int TRAIN = 0xFF1F5FA8;
  static final int VAL = 0xFFE67814;
  static final int WRONG = 0xFFC81414;
  private static final int MARGIN = 16;

  private final MapViewModel model;
  private final Consumer<String> onPick;
  private final Consumer<Set<String>> onBox;
  private final Canvas canvas = new Canvas(800, 600);
  private final Label info = new Label("Press Compute to embed the images and project them.");
  private MapLayout layout = MapLayout.of(List.of(), 800, 600, MARGIN);
  private double dragX = Double.NaN;
  private double dragY;

  /**
   * @param onPick called with the path of a clicked image
   * @param onBox called with the paths inside a dragged box
   */
  public MapView(MapViewModel model, Consumer<String> onPick, Consumer<Set<String>> onBox) {
    this.model = model;
    this.onPick = onPick;
    this.onBox = onBox;
  }

  public BorderPane build() {
    Button compute = new Button("Compute map");
    compute.setId("compute-map");
    compute.setOnAction(e -> model.compute());
    compute.disableProperty().bind(model.busyProperty());
    HBox bar =
        new HBox(
            12,
            compute,
            legend("train", TRAIN),
            legend("val", VAL),
            legend("val misclassified by the latest run", WRONG),
            info);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 0, 8, 0));

    Pane holder = new Pane(canvas);
    holder.setMinSize(200, 150);
    canvas.widthProperty().bind(holder.widthProperty());
    canvas.heightProperty().bind(holder.heightProperty());
    canvas.widthProperty().addListener(o -> redraw());
    canvas.heightProperty().addListener(o -> redraw());
    model
        .pointsProperty()
        .addListener(
            (o, old, now) -> {
              info.setText(
                  now.size()
                      + " images: click a point to select it, drag a box to filter the table.");
              redraw();
            });
    canvas.setOnMousePressed(
        e -> {
          dragX = e.getX();
          dragY = e.getY();
        });
    canvas.setOnMouseReleased(
        e -> {
          double w = Math.abs(e.getX() - dragX);
          double h = Math.abs(e.getY() - dragY);
          if (w < 4 && h < 4) {
            layout.nearest(e.getX(), e.getY(), 8).ifPresent(this::pick);
          } else {
            Set<String> inside = new HashSet<>(layout.inside(dragX, dragY, e.getX(), e.getY()));
            info.setText(inside.size() + " images in the box: shown in the Images tab.");
            onBox.accept(inside);
          }
          redraw();
        });
    canvas.setOnMouseDragged(
        e -> {
          redraw();
          GraphicsContext g = canvas.getGraphicsContext2D();
          g.setStroke(Color.gray(0.3));
          g.strokeRect(
              Math.min(dragX, e.getX()),
              Math.min(dragY, e.getY()),
              Math.abs(e.getX() - dragX),
              Math.abs(e.getY() - dragY));
        });
    BorderPane pane = new BorderPane(holder);
    pane.setTop(bar);
    return pane;
  }

  private static Label legend(String text, int argb) {
    Label l = new Label(text);
    javafx.scene.shape.Circle dot =
        new javafx.scene.shape.Circle(
            5, Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff));
    l.setGraphic(dot);
    return l;
  }

  private void pick(MapPoint p) {
    info.setText(p.path() + " (" + p.split() + ", " + p.label() + ")");
    onPick.accept(p.path());
  }

  private List<MapPoint> benchmarkPoints;

  /** For the UI benchmark only: draws these points on a canvas of this size. */
  public void showForBenchmark(List<MapPoint> points, int width, int height) {
    canvas.widthProperty().unbind();
    canvas.heightProperty().unbind();
    canvas.setWidth(width);
    canvas.setHeight(height);
    benchmarkPoints = points;
  }

  /** For the UI benchmark only: one full redraw. */
  public void redrawForBenchmark() {
    redraw();
  }

  private int[] pixels = new int[0];
  private int[] background = new int[0];
  private WritableImage image;
  private List<MapPoint> laidOut;

  /**
   * Draws every point into an ARGB buffer, then the buffer onto the canvas in one call. The layout
   * and the buffers are kept while the points and the canvas size stay the same.
   */
  void redraw() {
    int w = (int) canvas.getWidth();
    int h = (int) canvas.getHeight();
    if (w <= 0 || h <= 0) {
      return;
    }
    List<MapPoint> points =
        benchmarkPoints != null ? benchmarkPoints : model.pointsProperty().get();
    if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
      image = new WritableImage(w, h);
      pixels = new int[w * h];
      background = new int[w * h];
      java.util.Arrays.fill(background, 0xFFFFFFFF);
      laidOut = null;
    }
    if (points != laidOut) {
      layout = MapLayout.of(points, w, h, MARGIN);
      laidOut = points;
    }
    System.arraycopy(background, 0, pixels, 0, pixels.length);
    for (String split : List.of("train", "val")) {
      for (int i = 0; i < points.size(); i++) {
        MapPoint p = points.get(i);
        if (p.split().equals(split)) {
          int colour = split.equals("train") ? TRAIN : p.misclassified() ? WRONG : VAL;
          dot(pixels, w, h, layout.sx(i), layout.sy(i), colour);
        }
      }
    }
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
    canvas.getGraphicsContext2D().drawImage(image, 0, 0);
  }

  private static void dot(int[] px, int w, int h, int x, int y, int colour) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int xx = x + dx;
        int yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
          px[yy * w + xx] = colour;
        }
      }
    }
  }
}

package org.databoost.app.map;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import org.databoost.map.MapPoint;

/**
 * The 2-D map on a canvas drawn through a pixel buffer (node-per-point charts cannot hold 100K
 * points), with its toolbar, legend and hover card. Mouse: a click selects the image; a drag
 * selects a box, a lasso (Shift, or the Lasso tool) or pans (right or middle button, or the Pan
 * tool); the wheel zooms about the cursor. Keys: Esc clears the selection, 0 shows the whole map, +
 * and - zoom, L B P pick the tool. State lives in {@link MapViewModel}.
 */
public final class MapView {
  /** Wheel delta that doubles the zoom (four notches of a usual mouse wheel). */
  private static final double WHEEL_PER_DOUBLING = 160;

  /** A press that moves less than this is a click. */
  private static final double CLICK_SLOP = 4;

  private static final double LEGEND_MARGIN = 10;

  private enum Gesture {
    NONE,
    PAN,
    LASSO,
    BOX
  }

  private final MapViewModel model;
  private final Supplier<Path> datasetRoot;
  private final Consumer<String> onPick;
  private final Runnable showTable;
  private final Canvas canvas = new Canvas(800, 600);
  private final MapRaster raster = new MapRaster();
  private final MapLegend legend = new MapLegend();
  private final HoverCard card = new HoverCard();
  private final ThumbnailCache<Image> thumbnails = new ThumbnailCache<>(64, this::thumbnail);
  private final Label info = new Label();
  private final Label hints = new Label();
  private final Label placeholder =
      new Label(
          "Compute map embeds the train and val images (cached by content) and lays them out"
              + " with UMAP:\nsimilar images land close together.");
  private WritableImage image;

  private Gesture gesture = Gesture.NONE;
  private double pressX;
  private double pressY;
  private double lastX;
  private double lastY;
  private boolean moved;
  private double[] lassoX = new double[256];
  private double[] lassoY = new double[256];
  private int lassoN;

  /**
   * @param datasetRoot the open dataset's folder, to load thumbnails from
   * @param onPick called with the path of a clicked image
   * @param showTable switches to the image table (which shows only the selection)
   */
  public MapView(
      MapViewModel model, Supplier<Path> datasetRoot, Consumer<String> onPick, Runnable showTable) {
    this.model = model;
    this.datasetRoot = datasetRoot;
    this.onPick = onPick;
    this.showTable = showTable;
  }

  public BorderPane build() {
    canvas.setId("map-canvas");
    canvas.setFocusTraversable(true);
    placeholder.getStyleClass().add("map-placeholder");
    placeholder.setMouseTransparent(true);
    StackPane holder = new StackPane(canvas, placeholder, legend.node(), card.node());
    holder.setId("map-holder");
    holder.setMinSize(200, 150);
    holder.getStyleClass().add("map-holder");
    StackPane.setAlignment(canvas, Pos.TOP_LEFT);
    StackPane.setAlignment(legend.node(), Pos.BOTTOM_LEFT);
    StackPane.setMargin(legend.node(), new Insets(LEGEND_MARGIN));
    canvas.widthProperty().bind(holder.widthProperty());
    canvas.heightProperty().bind(holder.heightProperty());
    canvas.widthProperty().addListener(o -> redraw());
    canvas.heightProperty().addListener(o -> redraw());

    model.transformProperty().addListener(o -> redraw());
    model
        .layersProperty()
        .addListener(
            (o, old, now) -> {
              legend.update(now, model.selectionProperty().get().size());
              redraw();
            });
    model
        .pointsProperty()
        .addListener(
            (o, old, now) -> {
              thumbnails.clear();
              updateInfo();
            });
    model.selectionProperty().addListener(o -> updateInfo());
    model.highlightedProperty().addListener(o -> paint());
    model.hoveredProperty().addListener((o, old, now) -> showCard(now));
    model.toolProperty().addListener(o -> updateHints());
    installMouse();
    canvas.setOnKeyPressed(this::onKey);

    BorderPane pane = new BorderPane(holder);
    pane.setTop(toolbar());
    hints.getStyleClass().add("map-hints");
    hints.setId("map-hints");
    BorderPane.setMargin(hints, new Insets(6, 0, 0, 0));
    pane.setBottom(hints);
    updateInfo();
    updateHints();
    return pane;
  }

  private HBox toolbar() {
    Button compute = new Button("Compute map");
    compute.setId("compute-map");
    compute.setOnAction(e -> model.compute());
    compute.disableProperty().bind(model.busyProperty().or(model.datasetReadyProperty().not()));

    ToggleGroup group = new ToggleGroup();
    ToggleButton lasso = tool("Lasso", MapViewModel.Tool.LASSO, group, "left-pill");
    ToggleButton box = tool("Box", MapViewModel.Tool.BOX, group, "center-pill");
    ToggleButton pan = tool("Pan", MapViewModel.Tool.PAN, group, "right-pill");
    group.selectToggle(List.of(lasso, box, pan).get(model.toolProperty().get().ordinal()));
    group
        .selectedToggleProperty()
        .addListener(
            (o, old, now) -> {
              if (now == null) {
                group.selectToggle(old); // one tool is always chosen
              } else {
                model.toolProperty().set((MapViewModel.Tool) now.getUserData());
              }
            });
    model
        .toolProperty()
        .addListener(
            (o, old, now) -> group.selectToggle(List.of(lasso, box, pan).get(now.ordinal())));
    HBox tools = new HBox(lasso, box, pan);

    Button reset = new Button("Reset view");
    reset.setId("reset-view");
    reset.setOnAction(e -> model.resetView());
    reset.disableProperty().bind(model.transformProperty().isEqualTo(ViewTransform.IDENTITY));
    Button clear = new Button("Clear selection");
    clear.setId("clear-selection");
    clear.setOnAction(e -> model.clearSelection());
    Button show = new Button("Show in table");
    show.setId("show-in-table");
    show.setOnAction(e -> showTable.run());
    show.setTooltip(new javafx.scene.control.Tooltip("The Images tab shows only the selection"));
    clear
        .disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.selectionProperty().get().isEmpty(), model.selectionProperty()));
    show.disableProperty().bind(clear.disableProperty());

    info.setId("map-info");
    info.getStyleClass().add("map-info");
    info.setMinWidth(Region.USE_PREF_SIZE);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar =
        new HBox(
            8,
            compute,
            new Separator(javafx.geometry.Orientation.VERTICAL),
            tools,
            reset,
            new Separator(javafx.geometry.Orientation.VERTICAL),
            clear,
            show,
            spacer,
            info);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 0, 8, 0));
    return bar;
  }

  private static ToggleButton tool(
      String text, MapViewModel.Tool tool, ToggleGroup group, String pill) {
    ToggleButton b = new ToggleButton(text);
    b.setId("tool-" + tool.name().toLowerCase(Locale.ROOT));
    b.setUserData(tool);
    b.setToggleGroup(group);
    b.getStyleClass().add(pill);
    b.setFocusTraversable(false);
    return b;
  }

  private void updateInfo() {
    int n = model.pointsProperty().get().size();
    int s = model.selectionProperty().get().size();
    placeholder.setVisible(n == 0);
    if (n == 0) {
      info.setText("");
      return;
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d images", n));
    if (s > 0) {
      sb.append(String.format(Locale.ROOT, " · %,d selected", s));
    }
    if (model.isZoomed()) {
      sb.append(String.format(Locale.ROOT, " · zoom ×%.1f", model.zoom()));
    }
    info.setText(sb.toString());
  }

  private void updateHints() {
    String drag =
        switch (model.toolProperty().get()) {
          case LASSO -> "Drag: lasso";
          case BOX -> "Drag: box, Shift+drag: lasso";
          case PAN -> "Drag: pan, Shift+drag: lasso";
        };
    hints.setText(
        drag
            + "  ·  right-drag: pan  ·  wheel: zoom  ·  click: select the image  ·"
            + "  Esc: clear the selection  ·  0: whole map");
  }

  // ---- mouse and keys

  private void installMouse() {
    canvas.setOnMousePressed(
        e -> {
          canvas.requestFocus();
          boolean panButton =
              e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE;
          press(e.getX(), e.getY(), panButton, e.isShiftDown());
        });
    canvas.setOnMouseDragged(e -> drag(e.getX(), e.getY()));
    canvas.setOnMouseReleased(e -> release(e.getX(), e.getY()));
    canvas.setOnMouseMoved(e -> model.hover(e.getX(), e.getY()));
    canvas.setOnMouseExited(e -> model.hover(Double.NaN, Double.NaN));
    canvas.setOnScroll(
        e -> {
          double d = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
          if (d != 0) {
            wheel(e.getX(), e.getY(), d);
          }
          e.consume();
        });
    canvas.setOnZoom(e -> model.zoomAbout(e.getX(), e.getY(), e.getZoomFactor()));
  }

  /** A button went down at (x, y): starts a pan, a lasso or a box. */
  void press(double x, double y, boolean panButton, boolean shift) {
    pressX = x;
    pressY = y;
    lastX = x;
    lastY = y;
    moved = false;
    MapViewModel.Tool tool = model.toolProperty().get();
    if (panButton || (tool == MapViewModel.Tool.PAN && !shift)) {
      gesture = Gesture.PAN;
    } else if (shift || tool == MapViewModel.Tool.LASSO) {
      gesture = Gesture.LASSO;
      lassoN = 0;
      addLassoVertex(x, y);
    } else {
      gesture = Gesture.BOX;
    }
    model.hover(Double.NaN, Double.NaN);
  }

  void drag(double x, double y) {
    moved |= Math.hypot(x - pressX, y - pressY) >= CLICK_SLOP;
    switch (gesture) {
      case PAN -> model.panBy(x - lastX, y - lastY);
      case LASSO -> {
        // Vertices closer than 2 px add nothing but work.
        if (Math.hypot(x - lassoX[lassoN - 1], y - lassoY[lassoN - 1]) >= 2) {
          addLassoVertex(x, y);
        }
        paint();
      }
      case BOX -> paint();
      case NONE -> {}
    }
    lastX = x;
    lastY = y;
  }

  void release(double x, double y) {
    Gesture was = gesture;
    gesture = Gesture.NONE;
    if (!moved) {
      model.pick(x, y).ifPresent(onPick);
    } else if (was == Gesture.LASSO && lassoN >= 3) {
      model.selectInLasso(Arrays.copyOf(lassoX, lassoN), Arrays.copyOf(lassoY, lassoN));
    } else if (was == Gesture.BOX) {
      model.selectInBox(pressX, pressY, x, y);
    }
    paint();
  }

  void wheel(double x, double y, double delta) {
    // The card goes while zooming; the next mouse move finds the point under it again.
    model.hover(Double.NaN, Double.NaN);
    model.zoomAbout(x, y, Math.pow(2, delta / WHEEL_PER_DOUBLING));
  }

  private void addLassoVertex(double x, double y) {
    if (lassoN == lassoX.length) {
      lassoX = Arrays.copyOf(lassoX, lassoN * 2);
      lassoY = Arrays.copyOf(lassoY, lassoN * 2);
    }
    lassoX[lassoN] = x;
    lassoY[lassoN++] = y;
  }

  private void onKey(KeyEvent e) {
    switch (e.getCode()) {
      case ESCAPE -> {
        if (gesture != Gesture.NONE) {
          gesture = Gesture.NONE;
          paint();
        } else {
          model.clearSelection();
        }
      }
      case DIGIT0, NUMPAD0, HOME -> model.resetView();
      case PLUS, EQUALS, ADD -> model.zoomCentre(Math.sqrt(2));
      case MINUS, SUBTRACT -> model.zoomCentre(1 / Math.sqrt(2));
      case L -> model.toolProperty().set(MapViewModel.Tool.LASSO);
      case B -> model.toolProperty().set(MapViewModel.Tool.BOX);
      case P -> model.toolProperty().set(MapViewModel.Tool.PAN);
      default -> {
        return;
      }
    }
    e.consume();
  }

  // ---- hover card

  private void showCard(PointFacts facts) {
    if (facts == null || datasetRoot.get() == null) {
      card.hide();
    } else {
      MapLayout l = model.layout();
      card.show(
          facts,
          thumbnails.get(facts.path()),
          l.sx(facts.index()),
          l.sy(facts.index()),
          canvas.getWidth(),
          canvas.getHeight());
    }
    paint();
  }

  private Image thumbnail(String path) {
    String url = datasetRoot.get().resolve(path).toUri().toString();
    // Decoded and scaled by JavaFX's loader thread, never the FX thread.
    return new Image(url, HoverCard.THUMB, HoverCard.THUMB, true, true, true);
  }

  // ---- drawing

  /** Draws these points on a canvas of this fixed size (the benchmark's). */
  void showAtFixedSize(List<MapPoint> points, int width, int height) {
    canvas.widthProperty().unbind();
    canvas.heightProperty().unbind();
    canvas.setWidth(width);
    canvas.setHeight(height);
    model.show(points);
  }

  /**
   * Draws every point into the raster's ARGB buffer, then the buffer onto the canvas in one call,
   * then the overlays. The layout and the buffers are kept while points, size and zoom stay.
   */
  void redraw() {
    int w = (int) canvas.getWidth();
    int h = (int) canvas.getHeight();
    if (w <= 0 || h <= 0) {
      return;
    }
    model.setViewport(w, h);
    MapLayout layout = model.layout();
    if (layout.points() != placedFor || w != placedW || h != placedH) {
      placeLegend(layout);
    }
    int[] px = raster.draw(layout, model.layersProperty().get());
    if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
      image = new WritableImage(w, h);
    }
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
    updateInfo();
    paint();
  }

  private List<MapPoint> placedFor;
  private int placedW;
  private int placedH;

  /**
   * Puts the legend in the corner where it hides the fewest points of the whole map; chosen again
   * only for new points or a new canvas size, so it does not jump about while zooming.
   */
  private void placeLegend(MapLayout layout) {
    placedFor = layout.points();
    placedW = layout.width();
    placedH = layout.height();
    Region box = legend.node();
    box.applyCss();
    double lw = box.prefWidth(-1) + 2 * LEGEND_MARGIN;
    double lh = box.prefHeight(-1) + 2 * LEGEND_MARGIN;
    double w = placedW;
    double h = placedH;
    Pos best = Pos.BOTTOM_LEFT;
    int fewest = Integer.MAX_VALUE;
    for (Pos corner : List.of(Pos.BOTTOM_LEFT, Pos.TOP_LEFT, Pos.BOTTOM_RIGHT, Pos.TOP_RIGHT)) {
      double x0 = corner.getHpos() == javafx.geometry.HPos.LEFT ? 0 : w - lw;
      double y0 = corner.getVpos() == javafx.geometry.VPos.TOP ? 0 : h - lh;
      int n = layout.countIn(x0, y0, x0 + lw, y0 + lh);
      if (n < fewest) {
        fewest = n;
        best = corner;
      }
    }
    StackPane.setAlignment(box, best);
  }

  /** The picture and what is drawn over it: the current image, the hovered one, a gesture. */
  private void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    if (image == null) {
      return;
    }
    g.drawImage(image, 0, 0);
    MapLayout l = model.layout();
    int current = model.highlightedIndex();
    if (current >= 0 && current < l.size()) {
      ring(g, l.sx(current), l.sy(current), 7, Color.web("#202020"));
    }
    PointFacts hovered = model.hoveredProperty().get();
    if (hovered != null && hovered.index() < l.size()) {
      ring(g, l.sx(hovered.index()), l.sy(hovered.index()), 5, Color.web("#505050"));
    }
    g.setLineWidth(1.5);
    g.setStroke(Color.web("#303030"));
    g.setFill(Color.web("#1f5fa8", 0.08));
    g.setLineJoin(StrokeLineJoin.ROUND);
    if (gesture == Gesture.LASSO && lassoN > 1) {
      g.fillPolygon(lassoX, lassoY, lassoN);
      g.strokePolyline(lassoX, lassoY, lassoN);
      g.setLineDashes(4, 4);
      g.strokeLine(lassoX[lassoN - 1], lassoY[lassoN - 1], lassoX[0], lassoY[0]);
      g.setLineDashes();
    } else if (gesture == Gesture.BOX && moved) {
      double x = Math.min(pressX, lastX);
      double y = Math.min(pressY, lastY);
      g.fillRect(x, y, Math.abs(lastX - pressX), Math.abs(lastY - pressY));
      g.strokeRect(x, y, Math.abs(lastX - pressX), Math.abs(lastY - pressY));
    }
  }

  /** A ring with a white halo, visible on any marker colour. */
  private static void ring(GraphicsContext g, double x, double y, double r, Color colour) {
    g.setLineDashes();
    g.setLineWidth(4);
    g.setStroke(Color.WHITE);
    g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    g.setLineWidth(2);
    g.setStroke(colour);
    g.strokeOval(x - r, y - r, 2 * r, 2 * r);
  }
}

package org.databoost.app.map;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.databoost.app.common.ThumbnailCache;
import org.databoost.map.MapPoint;

/**
 * The 2-D map on a canvas drawn through a pixel buffer (node-per-point charts cannot hold 100K
 * points), with its toolbar, the legend in a corner and the hover card. The mouse and keys are
 * {@link MapGestures}'; state lives in {@link MapViewModel}.
 */
public final class MapView {
  private static final double LEGEND_MARGIN = 10;

  private final MapViewModel model;
  private final Supplier<Path> datasetRoot;
  private final MapToolbar toolbar;
  private final MapGestures gestures;
  private final Canvas canvas = new Canvas(800, 600);
  private final MapRaster raster = new MapRaster();
  private final MapLegend legend = new MapLegend();
  private final HoverCard card = new HoverCard();
  private final ThumbnailCache<Image> thumbnails = new ThumbnailCache<>(64, this::thumbnail);
  private final Label placeholder =
      new Label(
          "Compute map embeds the train and val images (cached by content) and lays them out"
              + " with UMAP:\nsimilar images land close together.");
  private ContextMenu selectionMenu;
  private WritableImage image;
  private List<MapPoint> legendPlacedFor;
  private int legendPlacedW;
  private int legendPlacedH;

  /**
   * @param datasetRoot the open dataset's folder, to load thumbnails from
   * @param onPick called with the path of a clicked image
   * @param showTable switches to the image table (which shows only the selection)
   */
  public MapView(
      MapViewModel model, Supplier<Path> datasetRoot, Consumer<String> onPick, Runnable showTable) {
    this.model = model;
    this.datasetRoot = datasetRoot;
    this.toolbar = new MapToolbar(model, showTable);
    this.gestures = new MapGestures(model, onPick, this::paint);
  }

  /** The menu a right-click (without a drag) opens on the map: actions on the selection. */
  public MapView withSelectionMenu(ContextMenu menu) {
    this.selectionMenu = menu;
    return this;
  }

  /**
   * A key pressed while the map tab is shown, wherever the focus is: Esc clears the selection, 0
   * shows the whole map, + and - zoom, L B P choose the tool.
   */
  public void handleKey(KeyEvent e) {
    if (!e.isConsumed()
        && !(canvas.getScene() != null
            && canvas.getScene().getFocusOwner() instanceof TextInputControl)) {
      gestures.onKey(e);
    }
  }

  public BorderPane build() {
    canvas.setId("map-canvas");
    placeholder.getStyleClass().add("map-placeholder");
    placeholder.setMouseTransparent(true);
    placeholder.setVisible(model.pointsProperty().get().isEmpty());
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
              if (old == null || old.palette() != now.palette()) {
                legendPlacedFor = null; // another legend: find its corner again
              }
              redraw();
            });
    model
        .pointsProperty()
        .addListener(
            (o, old, now) -> {
              thumbnails.clear();
              placeholder.setVisible(now.isEmpty());
            });
    model.highlightedProperty().addListener(o -> paint());
    model.hoveredProperty().addListener((o, old, now) -> showCard(now));
    gestures.install(canvas);
    canvas.addEventHandler(
        MouseEvent.MOUSE_RELEASED,
        e -> {
          if (e.getButton() == MouseButton.SECONDARY
              && !gestures.moved()
              && selectionMenu != null) {
            selectionMenu.show(canvas, e.getScreenX(), e.getScreenY());
          }
        });

    BorderPane pane = new BorderPane(holder);
    pane.setTop(toolbar.build());
    Label hints = toolbar.hints();
    BorderPane.setMargin(hints, new Insets(6, 0, 0, 0));
    pane.setBottom(hints);
    return pane;
  }

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
    if (layout.points() != legendPlacedFor || w != legendPlacedW || h != legendPlacedH) {
      placeLegend(layout);
    }
    int[] px = raster.draw(layout, model.layersProperty().get());
    if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
      image = new WritableImage(w, h);
    }
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
    paint();
  }

  /**
   * Puts the legend in the corner where it hides the fewest points of the whole map; chosen again
   * only for new points or a new canvas size, so it does not jump about while zooming.
   */
  private void placeLegend(MapLayout layout) {
    legendPlacedFor = layout.points();
    legendPlacedW = layout.width();
    legendPlacedH = layout.height();
    Region box = legend.node();
    box.applyCss();
    double lw = box.prefWidth(-1) + 2 * LEGEND_MARGIN;
    double lh = box.prefHeight(-1) + 2 * LEGEND_MARGIN;
    Pos best = Pos.BOTTOM_LEFT;
    int fewest = Integer.MAX_VALUE;
    for (Pos corner : List.of(Pos.BOTTOM_LEFT, Pos.TOP_LEFT, Pos.BOTTOM_RIGHT, Pos.TOP_RIGHT)) {
      double x0 = corner.getHpos() == HPos.LEFT ? 0 : legendPlacedW - lw;
      double y0 = corner.getVpos() == VPos.TOP ? 0 : legendPlacedH - lh;
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
    if (image == null) {
      return;
    }
    GraphicsContext g = canvas.getGraphicsContext2D();
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
    gestures.paintOutline(g);
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

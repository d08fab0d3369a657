package org.databoost.app.map;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.databoost.app.common.Services;
import org.databoost.app.common.Session;
import org.databoost.map.MapPoint;

/**
 * State of the map tab: the open dataset's 2-D map, the view's zoom and pan, the selection (which
 * the image table filters by), the image under the mouse, the table's current image, and the images
 * Boost added. Computing runs in the background; the latest request wins (an older result arriving
 * late is dropped). Geometry goes through {@link MapLayout} for the canvas size the view reports.
 */
public final class MapViewModel {
  /** What a left-button drag does. */
  public enum Tool {
    LASSO,
    BOX,
    PAN
  }

  static final int MARGIN = 16;

  private final Session session;
  private final Services.Mapping mapping;
  private final AtomicLong generation = new AtomicLong();
  private final ObjectProperty<List<MapPoint>> points = new SimpleObjectProperty<>(List.of());
  private final ObjectProperty<ViewTransform> transform =
      new SimpleObjectProperty<>(ViewTransform.IDENTITY);
  private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.BOX);
  private final ObjectProperty<Set<String>> selection = new SimpleObjectProperty<>(Set.of());
  private final ObjectProperty<MarkerLayers> layers =
      new SimpleObjectProperty<>(MarkerLayers.of(MapPalette.empty(), new BitSet(), new BitSet()));
  private final ObjectProperty<MapColouring> colouring =
      new SimpleObjectProperty<>(MapColouring.SPLIT);
  private final StringProperty highlighted = new SimpleStringProperty();
  private final ObjectProperty<PointFacts> hovered = new SimpleObjectProperty<>();
  private final BooleanProperty datasetReady = new SimpleBooleanProperty(true);
  private final ObjectProperty<Instant> computedAt = new SimpleObjectProperty<>();
  private final IntegerProperty editsSince = new SimpleIntegerProperty();

  private final MapLayout layout = new MapLayout(MARGIN);
  private int width = 800;
  private int height = 600;
  private MapPalette palette = MapPalette.empty();
  private java.util.Map<String, String> verdicts = java.util.Map.of();
  private PathIndex index = PathIndex.of(List.of());
  private BitSet selected = new BitSet();
  private Set<String> publishedSelection;
  private Set<String> boostAdded = Set.of();
  private BitSet boosted = new BitSet();
  private int highlightedIndex = -1;

  /**
   * @param session runs the computation as one of the window's jobs, on the open workspace
   * @param mapping computes the points
   */
  public MapViewModel(Session session, Services.Mapping mapping) {
    this.session = session;
    this.mapping = mapping;
    points.addListener((o, old, now) -> onNewPoints());
    selection.addListener(
        (o, old, now) -> {
          // A set this model published already has its mask; one set from outside (the table's
          // "Clear map selection") is looked up.
          if (now != publishedSelection) {
            selected = maskOf(now);
            reselect();
          }
        });
    highlighted.addListener((o, old, now) -> highlightedIndex = indexOf(now));
    colouring.addListener(
        (o, old, now) -> {
          palette = paletteOf(points.get());
          relayer();
        });
  }

  /**
   * Computes the map of the open dataset: embeddings (cached by content), then UMAP started from
   * the previous map's layout. The latest request wins: an older result arriving late is dropped.
   */
  public void compute() {
    long mine = generation.incrementAndGet();
    session.run(
        "Computing the map…",
        progress -> mapping.compute(session.requireWorkspace(), progress),
        result -> {
          if (generation.get() != mine) {
            return "An older map was dropped.";
          }
          show(result);
          computedAt.set(Instant.now());
          editsSince.set(0);
          return String.format(Locale.ROOT, "Map of %,d images.", result.size());
        });
  }

  /** Shows these points as the map, the whole of it, keeping a selection of the same images. */
  void show(List<MapPoint> newPoints) {
    transform.set(ViewTransform.IDENTITY);
    points.set(List.copyOf(newPoints));
  }

  /** Forgets the map and its selection, when another dataset opens. */
  public void clear() {
    generation.incrementAndGet();
    selection.set(Set.of());
    show(List.of());
    computedAt.set(null);
    editsSince.set(0);
  }

  private void onNewPoints() {
    palette = paletteOf(points.get());
    index = PathIndex.of(points.get());
    selected = maskOf(selection.get());
    boosted = maskOf(boostAdded);
    highlightedIndex = indexOf(highlighted.get());
    hovered.set(null);
    relayer();
  }

  private void relayer() {
    layers.set(MarkerLayers.of(palette, selected, boosted));
  }

  /** The same palette and Boost images, another selection: nothing to sort again. */
  private void reselect() {
    layers.set(layers.get().withSelection(selected));
  }

  /** The categories of these points under the chosen colouring. */
  private MapPalette paletteOf(List<MapPoint> p) {
    return switch (colouring.get()) {
      case SPLIT -> MapPalette.split(p);
      case GIVEN ->
          MapPalette.labels(MapColouring.GIVEN, p, labelsOf(p), MapPoint::label, "no label");
      case PREDICTED ->
          MapPalette.labels(
              MapColouring.PREDICTED, p, labelsOf(p), MapPoint::predicted, "no prediction");
      case VERDICT -> MapPalette.verdicts(p, path -> verdicts.getOrDefault(path, ""));
    };
  }

  private static List<String> labelsOf(List<MapPoint> p) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (MapPoint m : p) {
      seen.add(m.label());
      if (!m.predicted().isEmpty()) {
        seen.add(m.predicted());
      }
    }
    return org.databoost.dataset.LabelOrder.sort(List.copyOf(seen));
  }

  private BitSet maskOf(Set<String> paths) {
    List<MapPoint> p = points.get();
    BitSet own = paths instanceof PathSelection s ? s.maskFor(p) : null;
    if (own != null) {
      return own;
    }
    BitSet mask = new BitSet();
    for (String path : paths) {
      int i = index.indexOf(path);
      if (i >= 0) {
        mask.set(i);
      }
    }
    return mask;
  }

  private int indexOf(String path) {
    return index.indexOf(path);
  }

  // ---- the view's geometry

  /** The canvas size the view draws on; geometry below is in its pixels. */
  public void setViewport(int w, int h) {
    width = w;
    height = h;
  }

  /** The screen positions for the current points, canvas size and zoom (cached). */
  MapLayout layout() {
    layout.update(points.get(), width, height, transform.get());
    return layout;
  }

  /** Zooms by {@code factor} (above 1 zooms in) keeping the point under the cursor in place. */
  public void zoomAbout(double x, double y, double factor) {
    transform.set(transform.get().zoomAbout(x, y, factor));
  }

  /** Zooms about the centre of the canvas (keyboard). */
  public void zoomCentre(double factor) {
    zoomAbout(width / 2.0, height / 2.0, factor);
  }

  public void panBy(double dx, double dy) {
    transform.set(transform.get().panBy(dx, dy));
  }

  /** Shows the whole map again. */
  public void resetView() {
    transform.set(ViewTransform.IDENTITY);
  }

  // ---- selection, picking, hovering

  /** Selects the points inside a free-hand polygon (screen pixels; three or more vertices). */
  public void selectInLasso(double[] xs, double[] ys) {
    select(layout().inLasso(new Lasso(xs, ys)));
  }

  /** Selects the points inside the box spanned by two corners. */
  public void selectInBox(double x0, double y0, double x1, double y1) {
    select(layout().inBox(x0, y0, x1, y1));
  }

  public void clearSelection() {
    selection.set(Set.of());
  }

  private void select(BitSet mask) {
    // A set view of the mask: selecting a million points builds no million-string set.
    Set<String> published = new PathSelection(points.get(), mask, index);
    publishedSelection = published;
    selected = mask;
    selection.set(published); // the listener knows this set: its mask is the one above
    reselect();
  }

  /** The path of the point within a few pixels of a click, which becomes the highlighted one. */
  public Optional<String> pick(double x, double y) {
    int i = layout().nearest(x, y, MapLayout.PICK_RADIUS);
    if (i < 0) {
      return Optional.empty();
    }
    String path = points.get().get(i).path();
    highlighted.set(path);
    return Optional.of(path);
  }

  /** Updates the hovered point for the mouse at (x, y); NaN when the mouse left the map. */
  public void hover(double x, double y) {
    int i = Double.isNaN(x) ? -1 : layout().nearest(x, y, MapLayout.PICK_RADIUS);
    PointFacts now = hovered.get();
    if (i < 0) {
      hovered.set(null);
    } else if (now == null || now.index() != i) {
      hovered.set(facts(i));
    }
  }

  PointFacts facts(int i) {
    MapPoint p = points.get().get(i);
    return new PointFacts(
        i,
        p.path(),
        p.split().folder(),
        p.label(),
        p.predicted(),
        p.misclassified(),
        boosted.get(i));
  }

  /**
   * Marks the images Boost added (dataset-relative paths, as in the table), drawn as green
   * diamonds. Paths not on the map are kept, and marked once a map with them is computed.
   */
  public void setBoostAdded(Set<String> paths) {
    boostAdded = Set.copyOf(paths);
    boosted = maskOf(boostAdded);
    relayer();
  }

  /**
   * The shown run's verdict of each image (dataset-relative path to its issue, e.g. "label error"),
   * which the verdict colouring shows; images not in the map are ignored.
   */
  public void setVerdicts(java.util.Map<String, String> byPath) {
    verdicts = java.util.Map.copyOf(byPath);
    if (colouring.get() == MapColouring.VERDICT) {
      palette = paletteOf(points.get());
      relayer();
    }
  }

  /** Which fact the colours show: split, given or predicted label, or verdict. */
  public ObjectProperty<MapColouring> colouringProperty() {
    return colouring;
  }

  /** The index of the highlighted image among the points, or -1 when it is not on the map. */
  int highlightedIndex() {
    return highlightedIndex;
  }

  // ---- properties

  /**
   * Whether a dataset is open and no other job holds it; Compute map waits for it (the window binds
   * it to the other view-models' state).
   */
  public BooleanProperty datasetReadyProperty() {
    return datasetReady;
  }

  /** When the shown map was computed in this session; null before. */
  public ReadOnlyObjectProperty<Instant> computedAtProperty() {
    return computedAt;
  }

  /** Edits to the dataset since the map was computed (the window counts them from the journal). */
  public IntegerProperty editsSinceProperty() {
    return editsSince;
  }

  public ReadOnlyObjectProperty<List<MapPoint>> pointsProperty() {
    return points;
  }

  /** The selected images' paths; empty when nothing is selected. */
  public ObjectProperty<Set<String>> selectionProperty() {
    return selection;
  }

  /** The image to ring on the map: the table's current image, or the last one clicked. */
  public StringProperty highlightedProperty() {
    return highlighted;
  }

  public ObjectProperty<Tool> toolProperty() {
    return tool;
  }

  /** The point under the mouse, or null. */
  public ReadOnlyObjectProperty<PointFacts> hoveredProperty() {
    return hovered;
  }

  ReadOnlyObjectProperty<ViewTransform> transformProperty() {
    return transform;
  }

  /** How each point is drawn; changes with the points, the selection and Boost's images. */
  ReadOnlyObjectProperty<MarkerLayers> layersProperty() {
    return layers;
  }

  /** Whether the view is zoomed or panned away from the whole map. */
  public boolean isZoomed() {
    return !transform.get().equals(ViewTransform.IDENTITY);
  }

  public double zoom() {
    return transform.get().zoom();
  }

  /** Whether a job of the window runs (the map's or another's): Compute map waits for it. */
  public ReadOnlyBooleanProperty busyProperty() {
    return session.busyProperty();
  }
}

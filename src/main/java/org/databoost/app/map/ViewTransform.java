package org.databoost.app.map;

/**
 * The map's zoom and pan: a point the fitted layout puts at {@code (x, y)} is shown at {@code (x *
 * zoom + panX, y * zoom + panY)}. Immutable; every gesture makes a new one.
 */
record ViewTransform(double zoom, double panX, double panY) {
  /** The whole map, as fitted into the canvas. */
  static final ViewTransform IDENTITY = new ViewTransform(1, 0, 0);

  /** Zooming out past this leaves the map a speck; in past this, single pixels of UMAP noise. */
  static final double MIN_ZOOM = 0.5;

  static final double MAX_ZOOM = 1000;

  /**
   * Zooms by {@code factor} keeping the point under the cursor where it is; the zoom stays within
   * [{@link #MIN_ZOOM}, {@link #MAX_ZOOM}].
   */
  ViewTransform zoomAbout(double cursorX, double cursorY, double factor) {
    double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
    double f = z / zoom;
    return new ViewTransform(z, cursorX - (cursorX - panX) * f, cursorY - (cursorY - panY) * f);
  }

  /** Moves the map by this many screen pixels. */
  ViewTransform panBy(double dx, double dy) {
    return new ViewTransform(zoom, panX + dx, panY + dy);
  }

  double toScreenX(double fittedX) {
    return fittedX * zoom + panX;
  }

  double toScreenY(double fittedY) {
    return fittedY * zoom + panY;
  }

  double toFittedX(double screenX) {
    return (screenX - panX) / zoom;
  }

  double toFittedY(double screenY) {
    return (screenY - panY) / zoom;
  }
}

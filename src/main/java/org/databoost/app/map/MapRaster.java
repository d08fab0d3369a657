package org.databoost.app.map;

import java.util.Arrays;

/**
 * Draws the markers of every point into an ARGB pixel buffer, reused while the canvas size stays
 * the same: train and val dots, misclassified val ringed, Boost's images as diamonds, faded
 * versions for points outside a selection. Pure arithmetic on an int array: tested headless, 100K
 * points in a few milliseconds.
 */
final class MapRaster {
  static final int BACKGROUND = 0xFFFFFFFF;
  static final int TRAIN = 0xFF1F5FA8;
  static final int VAL = 0xFFE67814;
  static final int WRONG = 0xFFC81414;
  static final int BOOST = 0xFF12A150;
  static final int BOOST_EDGE = 0xFF0A5C2D;

  /** How much of the background a faded marker lets through. */
  static final double FADE = 0.78;

  private static final Marker[] MARKERS = new Marker[MarkerLayers.COUNT];

  static {
    Marker[] full = {dot(TRAIN), dot(VAL), ringed(WRONG), diamond(BOOST, BOOST_EDGE)};
    for (int kind = 0; kind < full.length; kind++) {
      MARKERS[kind + MarkerLayers.FULL] = full[kind];
      MARKERS[kind] = full[kind].faded();
    }
  }

  private int width;
  private int height;
  private int[] pixels = new int[0];
  private int[][] offsets = new int[MARKERS.length][];

  /** Draws all points; the returned buffer is this raster's own, valid until the next call. */
  int[] draw(MapLayout layout, MarkerLayers layers) {
    resize(layout.width(), layout.height());
    Arrays.fill(pixels, BACKGROUND);
    if (layers.size() != layout.size()) {
      return pixels; // a new map between its points and its markers: the next draw has both
    }
    int w = width;
    int h = height;
    for (int k = 0; k < layers.size(); k++) {
      int i = layers.drawn(k);
      int x = layout.sx(i);
      int y = layout.sy(i);
      int l = layers.layer(i);
      Marker m = MARKERS[l];
      int r = m.radius;
      if (x >= r && y >= r && x < w - r && y < h - r) {
        // Wholly on the canvas: no bounds checks per pixel.
        int base = y * w + x;
        int[] off = offsets[l];
        int[] colour = m.colour;
        for (int j = 0; j < off.length; j++) {
          pixels[base + off[j]] = colour[j];
        }
      } else if (x > -r - 1 && y > -r - 1 && x < w + r && y < h + r) {
        for (int j = 0; j < m.dx.length; j++) {
          int xx = x + m.dx[j];
          int yy = y + m.dy[j];
          if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
            pixels[yy * w + xx] = m.colour[j];
          }
        }
      }
    }
    return pixels;
  }

  /**
   * A legend icon: the markers of these layers side by side, as they look on the map.
   *
   * @return {@code size * layers.length} by {@code size} ARGB pixels on the map's background
   */
  static int[] icon(int size, int... layers) {
    int w = size * layers.length;
    int[] px = new int[w * size];
    Arrays.fill(px, BACKGROUND);
    for (int k = 0; k < layers.length; k++) {
      Marker m = MARKERS[layers[k]];
      for (int j = 0; j < m.dx.length; j++) {
        int x = k * size + size / 2 + m.dx[j];
        int y = size / 2 + m.dy[j];
        if (x >= 0 && y >= 0 && x < w && y < size) {
          px[y * w + x] = m.colour[j];
        }
      }
    }
    return px;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  private void resize(int w, int h) {
    if (w == width && h == height) {
      return;
    }
    width = w;
    height = h;
    pixels = new int[w * h];
    for (int l = 0; l < MARKERS.length; l++) {
      Marker m = MARKERS[l];
      offsets[l] = new int[m.dx.length];
      for (int j = 0; j < m.dx.length; j++) {
        offsets[l][j] = m.dy[j] * w + m.dx[j];
      }
    }
  }

  /** The pixels of one marker relative to its centre, and their colours. */
  private record Marker(int[] dx, int[] dy, int[] colour, int radius) {
    Marker faded() {
      int[] c = colour.clone();
      for (int j = 0; j < c.length; j++) {
        c[j] = blend(c[j], BACKGROUND, FADE);
      }
      return new Marker(dx, dy, c, radius);
    }
  }

  static int blend(int argb, int towards, double t) {
    int r = mix((argb >> 16) & 0xff, (towards >> 16) & 0xff, t);
    int g = mix((argb >> 8) & 0xff, (towards >> 8) & 0xff, t);
    int b = mix(argb & 0xff, towards & 0xff, t);
    return 0xFF000000 | r << 16 | g << 8 | b;
  }

  private static int mix(int a, int b, double t) {
    return (int) Math.round(a + (b - a) * t);
  }

  /** A 3x3 square. */
  private static Marker dot(int colour) {
    return shape(1, (dx, dy) -> colour);
  }

  /** A 3x3 dot inside a ring of radius 3, so a misclassified image is seen in a dense cloud. */
  private static Marker ringed(int colour) {
    return shape(
        4,
        (dx, dy) -> {
          double d = Math.sqrt(dx * dx + dy * dy);
          return (Math.abs(dx) <= 1 && Math.abs(dy) <= 1) || (d >= 2.6 && d < 3.6) ? colour : 0;
        });
  }

  /** A filled diamond of radius 3 with a dark edge: a shape no other marker has. */
  private static Marker diamond(int fill, int edge) {
    return shape(
        4,
        (dx, dy) -> {
          int d = Math.abs(dx) + Math.abs(dy);
          return d <= 3 ? fill : d == 4 ? edge : 0;
        });
  }

  private interface Paint {
    /** The colour at this offset from the centre, or 0 for none. */
    int at(int dx, int dy);
  }

  private static Marker shape(int radius, Paint paint) {
    int[] dx = new int[(2 * radius + 1) * (2 * radius + 1)];
    int[] dy = new int[dx.length];
    int[] colour = new int[dx.length];
    int n = 0;
    for (int y = -radius; y <= radius; y++) {
      for (int x = -radius; x <= radius; x++) {
        int c = paint.at(x, y);
        if (c != 0) {
          dx[n] = x;
          dy[n] = y;
          colour[n++] = c;
        }
      }
    }
    return new Marker(Arrays.copyOf(dx, n), Arrays.copyOf(dy, n), Arrays.copyOf(colour, n), radius);
  }
}

package org.databoost.app.map;

import java.util.Arrays;

/**
 * Draws the markers of every point into an ARGB pixel buffer, reused while the canvas size stays
 * the same: each point with its {@link MapPalette} category's {@link Marker}, faded versions for
 * points outside a selection. Pure arithmetic on an int array: tested headless, 100K points in a
 * few milliseconds.
 */
final class MapRaster {
  static final int BACKGROUND = 0xFFFFFFFF;
  static final int TRAIN = 0xFF1F5FA8;
  static final int VAL = 0xFFE67814;
  static final int WRONG = 0xFFC81414;
  static final int BOOST = 0xFF12A150;
  static final int BOOST_EDGE = 0xFF0A5C2D;

  private int width;
  private int height;
  private int[] pixels = new int[0];
  private MapPalette palette;
  private Marker[] markers = new Marker[0];
  private int[][] offsets = new int[0][];

  /**
   * Draws all points with their palette's markers; the returned buffer is this raster's own, valid
   * until the next call.
   */
  int[] draw(MapLayout layout, MarkerLayers layers) {
    resize(layout.width(), layout.height(), layers.palette());
    Arrays.fill(pixels, BACKGROUND);
    if (layers.size() != layout.size()) {
      return pixels; // a new map between its points and its markers: the next draw has both
    }
    int w = width;
    int h = height;
    int n = layers.size();
    int c = layers.categories();
    // Local copies of the arrays the loop reads, so that the compiler keeps them in registers.
    int[] byCategory = layers.byCategory();
    byte[] kind = layers.kinds();
    long[] selected = layers.selectedWords();
    // The points by category twice: the faded ones (outside a selection) first, then the full.
    for (int pass = layers.fades() ? 0 : 1; pass < 2; pass++) {
      boolean fullPass = pass == 1;
      boolean fading = layers.fades();
      for (int k = 0; k < n; k++) {
        int i = byCategory[k];
        if (fading && ((selected[i >>> 6] & (1L << i)) != 0) != fullPass) {
          continue;
        }
        int x = layout.sx(i);
        int y = layout.sy(i);
        int l = (kind[i] & 0xff) + (fullPass ? c : 0);
        Marker m = markers[l];
        int r = m.radius();
        if (x >= r && y >= r && x < w - r && y < h - r) {
          // Wholly on the canvas: no bounds checks per pixel.
          int base = y * w + x;
          int[] off = offsets[l];
          int[] colour = m.colour();
          for (int j = 0; j < off.length; j++) {
            pixels[base + off[j]] = colour[j];
          }
        } else if (x > -r - 1 && y > -r - 1 && x < w + r && y < h + r) {
          for (int j = 0; j < m.dx().length; j++) {
            int xx = x + m.dx()[j];
            int yy = y + m.dy()[j];
            if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
              pixels[yy * w + xx] = m.colour()[j];
            }
          }
        }
      }
    }
    return pixels;
  }

  /**
   * A legend icon: these markers side by side, as they look on the map.
   *
   * @return {@code size * markers.length} by {@code size} ARGB pixels on the map's background
   */
  static int[] icon(int size, Marker... markers) {
    int w = size * markers.length;
    int[] px = new int[w * size];
    Arrays.fill(px, BACKGROUND);
    for (int k = 0; k < markers.length; k++) {
      Marker m = markers[k];
      for (int j = 0; j < m.dx().length; j++) {
        int x = k * size + size / 2 + m.dx()[j];
        int y = size / 2 + m.dy()[j];
        if (x >= 0 && y >= 0 && x < w && y < size) {
          px[y * w + x] = m.colour()[j];
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

  private void resize(int w, int h, MapPalette p) {
    if (w == width && h == height && p == palette) {
      return;
    }
    if (w != width || h != height) {
      width = w;
      height = h;
      pixels = new int[w * h];
    }
    if (p != palette) {
      palette = p;
      int n = p.size();
      markers = new Marker[2 * n];
      for (int k = 0; k < n; k++) {
        markers[k + n] = p.markers().get(k);
        markers[k] = markers[k + n].faded();
      }
    }
    offsets = new int[markers.length][];
    for (int l = 0; l < markers.length; l++) {
      Marker m = markers[l];
      offsets[l] = new int[m.dx().length];
      for (int j = 0; j < m.dx().length; j++) {
        offsets[l][j] = m.dy()[j] * w + m.dx()[j];
      }
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
}

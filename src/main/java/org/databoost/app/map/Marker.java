package org.databoost.app.map;

import java.util.Arrays;

/**
 * The pixels of one map marker relative to its centre, and their colours: small enough to draw a
 * million of them into {@link MapRaster}'s buffer without a graphics call.
 */
record Marker(int[] dx, int[] dy, int[] colour, int radius) {
  /** How much of the background a faded marker lets through. */
  static final double FADE = 0.78;

  /** The same shape blended towards the background, for points outside a selection. */
  Marker faded() {
    int[] c = colour.clone();
    for (int j = 0; j < c.length; j++) {
      c[j] = MapRaster.blend(c[j], MapRaster.BACKGROUND, FADE);
    }
    return new Marker(dx, dy, c, radius);
  }

  /** A 3x3 square. */
  static Marker dot(int colour) {
    return shape(1, (x, y) -> colour);
  }

  /** A 3x3 dot inside a ring of radius 3, so a marked image is seen in a dense cloud. */
  static Marker ringed(int colour) {
    return shape(
        4,
        (x, y) -> {
          double d = Math.sqrt(x * x + y * y);
          return (Math.abs(x) <= 1 && Math.abs(y) <= 1) || (d >= 2.6 && d < 3.6) ? colour : 0;
        });
  }

  /** A filled diamond of radius 3 with a dark edge: a shape no other marker has. */
  static Marker diamond(int fill, int edge) {
    return shape(
        4,
        (x, y) -> {
          int d = Math.abs(x) + Math.abs(y);
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

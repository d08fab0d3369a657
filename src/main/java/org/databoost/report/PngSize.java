package org.databoost.report;

/** Width and height from a PNG's header, to keep a thumbnail's aspect ratio in its cell. */
record PngSize(int width, int height) {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** The size in the IHDR chunk, or a 1x1 (square) guess when the bytes are not a PNG. */
  static PngSize of(byte[] png) {
    if (png.length < 24) {
      return new PngSize(1, 1);
    }
    for (int i = 0; i < SIGNATURE.length; i++) {
      if (png[i] != SIGNATURE[i]) {
        return new PngSize(1, 1);
      }
    }
    int w = readInt(png, 16);
    int h = readInt(png, 20);
    return w > 0 && h > 0 ? new PngSize(w, h) : new PngSize(1, 1);
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }
}

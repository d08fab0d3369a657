package org.databoost.embedding;

/**
 * Bold strokes thinned before the glyph is cropped, so that a numeral drawn with a thick pen reads
 * like one drawn with the pens the glyph network learnt from.
 *
 * <p>The pen's width is the median length of the runs of ink across and along ({@link
 * RulingLines#penWidth}), measured against the glyph's longer side as the crop will scale it (to
 * {@value GlyphInput#GLYPH} pixels). The synthetic numerals of the network's training data (drawn
 * by {@code SampleDatasetGenerator}, as the default sample is) have that width up to {@value
 * #MAX_WIDTH} pixels for 99 in 100 drawings (0.9 for the thinnest 5%, 1.8 the median, 3.1 at the
 * 90th percentile); on the competition data 5% of the drawings are bolder, and the glyph judge read
 * many of them as the numeral with one stroke more ("vii" as "viii"). A drawing bolder than that is
 * eroded (a pixel of ink stays where its four neighbours are ink) until its pen is about {@value
 * #TARGET_WIDTH} pixels wide in the plane; every other drawing keeps its plane bit for bit. If
 * erosion would leave no ink, nothing is changed.
 */
public final class BoldStrokes {
  static final double MAX_WIDTH = 4.5;
  static final double TARGET_WIDTH = 3.0;

  private BoldStrokes() {}

  /**
   * The ink with bold strokes thinned; the same array when the pen is not bold.
   *
   * @param ink row-major, 0 = paper, 1 = full ink
   */
  public static float[] thin(float[] ink, int w, int h) {
    // One pass in memory order: the ink's box and the runs of ink along rows and along columns
    // (one running length per column), the same runs as RulingLines.penWidth counts.
    boolean[] on = new boolean[w * h];
    int[] histogram = new int[Math.max(w, h) + 2];
    long runs = 0;
    int[] columnRun = new int[w];
    int x0 = w;
    int y0 = h;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < h; y++) {
      int rowRun = 0;
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (ink[i] > GlyphInput.INK_THRESHOLD) {
          on[i] = true;
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
          rowRun++;
          columnRun[x]++;
        } else {
          if (rowRun > 0) {
            histogram[rowRun]++;
            runs++;
            rowRun = 0;
          }
          if (columnRun[x] > 0) {
            histogram[columnRun[x]]++;
            runs++;
            columnRun[x] = 0;
          }
        }
      }
      if (rowRun > 0) {
        histogram[rowRun]++;
        runs++;
      }
    }
    for (int x = 0; x < w; x++) {
      if (columnRun[x] > 0) {
        histogram[columnRun[x]]++;
        runs++;
      }
    }
    if (x1 < 0) {
      return ink;
    }
    int side = Math.max(x1 - x0 + 1, y1 - y0 + 1);
    int pen = RulingLines.median(histogram, runs);
    if (pen * (double) GlyphInput.GLYPH / side <= MAX_WIDTH) {
      return ink;
    }
    int steps = (int) Math.round((pen - TARGET_WIDTH * side / GlyphInput.GLYPH) / 2);
    if (steps < 1) {
      return ink;
    }
    boolean[] kept = on;
    for (int k = 0; k < steps; k++) {
      kept = erode(kept, w, h);
    }
    float[] out = ink.clone();
    boolean any = false;
    for (int i = 0; i < out.length; i++) {
      if (kept[i]) {
        any = true;
      } else {
        out[i] = 0;
      }
    }
    return any ? out : ink;
  }

  /** One step of erosion by the 4-neighbourhood: ink stays where its four neighbours are ink. */
  private static boolean[] erode(boolean[] on, int w, int h) {
    boolean[] next = new boolean[w * h];
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int i = y * w + x;
        next[i] = on[i] && on[i - 1] && on[i + 1] && on[i - w] && on[i + w];
      }
    }
    return next;
  }
}

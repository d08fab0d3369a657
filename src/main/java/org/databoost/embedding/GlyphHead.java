package org.databoost.embedding;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The glyph network's classifier head, kept beside its features: one dense layer from the 128-d
 * features (before they are normalised) to the logits of the classes it was trained on, the last of
 * which is junk. File: {@code DBHEAD01}, rows and columns as little-endian int32, the weights
 * row-major and the biases as little-endian float32.
 *
 * @param weights classes x features
 * @param biases one per class
 */
public record GlyphHead(float[][] weights, float[] biases) {
  /** File name suffix after the parameters' name. */
  public static final String SUFFIX = "-head.f32";

  private static final byte[] MAGIC = {'D', 'B', 'H', 'E', 'A', 'D', '0', '1'};

  /** The head of a trained dense block ({@code weight}: classes x features, {@code bias}). */
  public static GlyphHead of(Block dense) {
    float[] w = null;
    float[] b = null;
    long[] shape = null;
    for (var e : dense.getParameters()) {
      Parameter p = e.getValue();
      if (p.getType() == Parameter.Type.WEIGHT) {
        w = p.getArray().toFloatArray();
        shape = p.getArray().getShape().getShape();
      } else if (p.getType() == Parameter.Type.BIAS) {
        b = p.getArray().toFloatArray();
      }
    }
    if (w == null || b == null || shape.length != 2) {
      throw new IllegalArgumentException("not a dense layer with weights and biases");
    }
    int rows = (int) shape[0];
    int cols = (int) shape[1];
    float[][] weights = new float[rows][cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(w, r * cols, weights[r], 0, cols);
    }
    return new GlyphHead(weights, b);
  }

  /** Reads a head written by {@link #bytes}. */
  public static GlyphHead read(InputStream in) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[MAGIC.length];
    buf.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new IOException("not a glyph head file");
    }
    int rows = buf.getInt();
    int cols = buf.getInt();
    float[][] weights = new float[rows][cols];
    for (float[] row : weights) {
      buf.asFloatBuffer().get(row);
      buf.position(buf.position() + 4 * cols);
    }
    float[] biases = new float[rows];
    buf.asFloatBuffer().get(biases);
    return new GlyphHead(weights, biases);
  }

  /** The file's bytes. */
  public byte[] bytes() {
    int rows = weights.length;
    int cols = weights[0].length;
    ByteBuffer buf =
        ByteBuffer.allocate(MAGIC.length + 8 + 4 * (rows * cols + rows))
            .order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).putInt(rows).putInt(cols);
    for (float[] row : weights) {
      for (float x : row) {
        buf.putFloat(x);
      }
    }
    for (float x : biases) {
      buf.putFloat(x);
    }
    return buf.array();
  }

  /** The probability of the last class (junk) for raw (not normalised) features. */
  public double lastClassProbability(float[] features) {
    double[] logits = new double[weights.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < weights.length; c++) {
      double z = biases[c];
      for (int d = 0; d < features.length; d++) {
        z += weights[c][d] * features[d];
      }
      logits[c] = z;
      max = Math.max(max, z);
    }
    double sum = 0;
    for (double z : logits) {
      sum += Math.exp(z - max);
    }
    return Math.exp(logits[logits.length - 1] - max) / sum;
  }
}

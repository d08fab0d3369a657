package org.databoost.embedding;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.databoost.dataset.ImageEntry;

/**
 * Embeddings as files other tools read: a NumPy {@code .npy} matrix (format 1.0, little-endian
 * float32, one row per image) with a CSV of the rows' images, or one CSV with both. The caller
 * picks the stream (an atomic writer for the user's files).
 */
public final class EmbeddingExport {
  private EmbeddingExport() {}

  /** {@code rows x dimension} float32, row-major, as {@code numpy.load} reads it. */
  public static void writeNpy(float[][] vectors, int dimension, OutputStream out)
      throws IOException {
    String dict =
        String.format(
            Locale.ROOT,
            "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
            vectors.length,
            dimension);
    // Magic (6), version (2), header length (2), then the header padded with spaces and ended by
    // a newline so that the data starts on a 64-byte boundary.
    int unpadded = 10 + dict.length() + 1;
    String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    head.put((byte) 1).put((byte) 0).putShort((short) header.length());
    out.write(head.array());
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    ByteBuffer row = ByteBuffer.allocate(dimension * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] v : vectors) {
      if (v.length != dimension) {
        throw new IllegalArgumentException(
            "a vector of length " + v.length + " in a matrix of dimension " + dimension);
      }
      row.clear();
      row.asFloatBuffer().put(v);
      out.write(row.array());
    }
    out.flush();
  }

  /** {@code path,split,label}: which image each row of a matrix is. */
  public static void writeRows(List<ImageEntry> images, Writer out) {
    PrintWriter w = new PrintWriter(out);
    w.println("path,split,label");
    for (ImageEntry e : images) {
      w.println(csv(e.displayPath()) + "," + e.split().folder() + "," + csv(e.label()));
    }
    w.flush();
  }

  /** {@code path,split,label,e0,e1,...}: the images and their vectors (shortest exact floats). */
  public static void writeCsv(
      List<ImageEntry> images, float[][] vectors, int dimension, Writer out) {
    PrintWriter w = new PrintWriter(out);
    StringBuilder b = new StringBuilder("path,split,label");
    for (int j = 0; j < dimension; j++) {
      b.append(",e").append(j);
    }
    w.println(b);
    for (int i = 0; i < images.size(); i++) {
      ImageEntry e = images.get(i);
      b.setLength(0);
      b.append(csv(e.displayPath())).append(',').append(e.split().folder());
      b.append(',').append(csv(e.label()));
      for (float x : vectors[i]) {
        b.append(',').append(x);
      }
      w.println(b);
    }
    w.flush();
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }
}

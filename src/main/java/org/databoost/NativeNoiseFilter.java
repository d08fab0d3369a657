package org.databoost;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a child process's error stream to ours, dropping libtorch's "Could not initialize NNPACK"
 * warning, which it prints several times per training step on CPUs NNPACK does not support
 * (thousands of lines per epoch) and which DJL gives no switch for, and the JVM's "Using incubator
 * modules" notice for the Vector API module that {@link Relauncher} adds. Progress bars, which end
 * lines with '\r', pass through unchanged.
 */
final class NativeNoiseFilter {
  private NativeNoiseFilter() {}

  static boolean isNoise(String line) {
    return (line.startsWith("[W") && line.contains("NNPACK"))
        // the JVM's notice for the --add-modules the relauncher itself added
        || line.startsWith("WARNING: Using incubator modules:");
  }

  static void copy(InputStream in, OutputStream out) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      line.write(b);
      if (b == '\n' || b == '\r') {
        flushLine(line, out);
      }
    }
    flushLine(line, out);
  }

  private static void flushLine(ByteArrayOutputStream line, OutputStream out) throws IOException {
    if (line.size() > 0 && !isNoise(line.toString(StandardCharsets.UTF_8))) {
      line.writeTo(out);
      out.flush();
    }
    line.reset();
  }

  /** Starts a daemon thread that copies {@code in} to {@code out}, filtered. */
  static Thread start(InputStream in, OutputStream out) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream i = in) {
                copy(i, out);
              } catch (IOException e) {
                // the child is gone; nothing left to copy
              }
            },
            "databoost-stderr-filter");
    t.setDaemon(true);
    t.start();
    return t;
  }
}

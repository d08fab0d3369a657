package org.databoost.autopilot.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.databoost.files.AtomicFileWriter;

/**
 * The figures of one finished task, kept as a properties file in the work folder so that the
 * benchmark can be stopped and resumed and its table printed at any time.
 */
final class BenchResult {
  private final Properties p;

  BenchResult(Properties p) {
    this.p = p;
  }

  BenchResult() {
    this(new Properties());
  }

  static BenchResult read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return new BenchResult(p);
  }

  void write(Path file) throws IOException {
    AtomicFileWriter.write(file, out -> p.store(out, "databoost bench autopilot"));
  }

  BenchResult put(String key, double value) {
    p.setProperty(key, String.format(Locale.ROOT, "%.6f", value));
    return this;
  }

  BenchResult put(String key, String value) {
    p.setProperty(key, value);
    return this;
  }

  double number(String key) {
    String v = p.getProperty(key);
    return v == null ? Double.NaN : Double.parseDouble(v);
  }

  String text(String key) {
    return p.getProperty(key, "");
  }

  /** Every key and value, for another result. */
  void copyTo(BenchResult other) {
    p.stringPropertyNames().forEach(k -> other.p.setProperty(k, p.getProperty(k)));
  }
}

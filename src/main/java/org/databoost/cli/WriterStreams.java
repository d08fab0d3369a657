package org.databoost.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.output.WriterOutputStream;

/** Benchmarks print to a PrintStream; commands print to picocli's writer (captured in tests). */
final class WriterStreams {
  private WriterStreams() {}

  static PrintStream of(PrintWriter writer) throws IOException {
    return new PrintStream(
        WriterOutputStream.builder().setWriter(writer).setCharset(StandardCharsets.UTF_8).get(),
        true,
        StandardCharsets.UTF_8);
  }
}

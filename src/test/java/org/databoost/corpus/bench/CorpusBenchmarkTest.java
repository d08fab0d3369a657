package org.databoost.corpus.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void measuresExactOverShardsAndHnswRecallOnASmallSyntheticStore() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    CorpusBenchmark.Options o =
        new CorpusBenchmark.Options(
            tmp, List.of(70_000L, 3_000L), 8, 20, 10, 3_000, List.of(64, 128), 100, 1);
    CorpusBenchmark.run(o, out);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("Synthetic store: 2 shards"), text);
    assertTrue(text.contains("exact, 70,000 rows:"), text);
    assertTrue(text.contains("exact, 3,000 rows:"), text);
    var m = java.util.regex.Pattern.compile("recall@10 ([0-9.]+)").matcher(text);
    assertTrue(m.find(), text);
    assertTrue(Double.parseDouble(m.group(1)) > 0.8, text);
    assertTrue(m.find(), "a recall line for each ef: " + text);
    assertTrue(text.contains("ef 128:"), text);
    assertTrue(text.contains("efConstruction 100"), text);
    bytes.reset();
    CorpusBenchmark.run(o, out); // the store is reused
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("(0 written now"), text);
  }
}

package org.databoost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench label-errors} leaves nothing in the temp folder unless asked to keep its cache. */
class BenchLabelErrorsCommandTest {
  private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

  private static Set<String> benchFolders() throws IOException {
    try (Stream<Path> all = Files.list(TEMP)) {
      return all.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("databoost-bench"))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void itsScratchEmbeddingsAreDeletedAndAGivenCacheIsKept(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    Set<String> before = benchFolders();
    for (String source : new String[] {"sample-truth", "real"}) {
      CliRun run = CliRun.of("bench", "label-errors", data.toString(), "--source", source);
      assertEquals(0, run.code, run.toString());
      Set<String> left = new HashSet<>(benchFolders());
      left.removeAll(before);
      assertEquals(Set.of(), left, source + " left its scratch folder behind");
    }
    Path cache = tmp.resolve("cache");
    CliRun kept =
        CliRun.of(
            "bench",
            "label-errors",
            data.toString(),
            "--source",
            "sample-truth",
            "--embedding-cache",
            cache.toString());
    assertEquals(0, kept.code, kept.toString());
    try (Stream<Path> files = Files.walk(cache)) {
      assertTrue(files.anyMatch(Files::isRegularFile), "the given cache holds the embeddings");
    }
  }
}

package org.databoost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedCommandTest {
  private static final Pattern COUNTS =
      Pattern.compile(
          "(\\S+) \\((\\d+)-d\\) for (\\d+) images \\((\\d+) distinct\\): (\\d+) computed,"
              + " (\\d+) from the cache\\.");

  @TempDir Path tmp;
  private Path data;
  private DatasetScan scan;

  @BeforeEach
  void sample() throws IOException {
    data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(4, 2, 1), Progress.NONE);
    scan = new DatasetScanner().scan(data, Progress.NONE);
  }

  private int distinct() {
    Set<String> hashes = new HashSet<>();
    scan.images().forEach(e -> hashes.add(e.hash()));
    return hashes.size();
  }

  private static Matcher counts(CliRun run) {
    Matcher m = COUNTS.matcher(run.out);
    assertTrue(m.find(), run.toString());
    return m;
  }

  static Path onnxFixture() throws URISyntaxException {
    return Path.of(
        EmbedCommandTest.class.getResource("/org/databoost/embedding/onnx/tiny.onnx").toURI());
  }

  @Test
  void computesEveryImageOnceThenTakesThemFromTheCache() {
    int images = scan.images().size();
    CliRun cold = CliRun.of("embed", data.toString());
    assertEquals(0, cold.code, cold.toString());
    Matcher m = counts(cold);
    assertEquals("glyph-v3", m.group(1));
    assertEquals("128", m.group(2));
    assertEquals(images, Integer.parseInt(m.group(3)));
    assertEquals(distinct(), Integer.parseInt(m.group(4)));
    assertEquals(distinct(), Integer.parseInt(m.group(5)), "all computed");
    assertEquals("0", m.group(6));
    assertTrue(cold.out.contains("images/s"), cold.out);
    Path cache = data.resolve(".databoost/embeddings/glyph-v3");
    assertTrue(cold.out.contains("Cache: " + cache), cold.out);
    assertTrue(Files.isRegularFile(cache.resolve("matrix.f32")));
    assertTrue(cold.err.contains("Computing embeddings"), "a progress bar: " + cold.err);

    CliRun warm = CliRun.of("embed", data.toString());
    assertEquals(0, warm.code, warm.toString());
    Matcher w = counts(warm);
    assertEquals("0", w.group(5), "nothing computed");
    assertEquals(distinct(), Integer.parseInt(w.group(6)));
  }

  @Test
  void writesACsvWithARowPerImage() throws IOException {
    Path csv = tmp.resolve("emb.csv");
    CliRun run = CliRun.of("embed", data.toString(), "--out", csv.toString());
    assertEquals(0, run.code, run.toString());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(scan.images().size() + 1, lines.size());
    assertTrue(lines.get(0).startsWith("path,split,label,e0,e1,"), lines.get(0));
    assertTrue(lines.get(0).endsWith(",e127"), lines.get(0));
    ImageEntry first = scan.images().get(0);
    String[] row = lines.get(1).split(",");
    assertEquals(first.displayPath(), row[0]);
    assertEquals(first.split().folder(), row[1]);
    assertEquals(first.label(), row[2]);
    assertEquals(3 + 128, row.length);
    double norm = 0;
    for (int i = 3; i < row.length; i++) {
      norm += Math.pow(Float.parseFloat(row[i]), 2);
    }
    assertEquals(1, norm, 1e-4, "vectors are normalised");
    try (var files = Files.list(tmp)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")));
    }
  }

  @Test
  void writesANumpyMatrixAndItsRowsImages() throws IOException {
    Path npy = tmp.resolve("emb.npy");
    CliRun run = CliRun.of("embed", data.toString(), "--out", npy.toString());
    assertEquals(0, run.code, run.toString());
    int n = scan.images().size();
    byte[] bytes = Files.readAllBytes(npy);
    assertEquals((byte) 0x93, bytes[0]);
    assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
    assertEquals(1, bytes[6], "format 1.0");
    int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertEquals(0, (10 + headerLength) % 64, "data aligned");
    assertTrue(
        header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (" + n + ", 128), }"),
        header);
    assertTrue(header.endsWith("\n"));
    assertEquals(10 + headerLength + n * 128 * 4, bytes.length);

    List<String> rows = Files.readAllLines(tmp.resolve("emb.paths.csv"));
    assertEquals("path,split,label", rows.get(0));
    assertEquals(n + 1, rows.size());
    assertTrue(rows.get(1).startsWith(scan.images().get(0).displayPath() + ","), rows.get(1));

    // The matrix holds the same numbers as the CSV export.
    Path csv = tmp.resolve("emb.csv");
    assertEquals(0, CliRun.of("embed", data.toString(), "--out", csv.toString()).code);
    String[] second = Files.readAllLines(csv).get(2).split(",");
    ByteBuffer b = ByteBuffer.wrap(bytes, 10 + headerLength + 128 * 4, 128 * 4);
    b.order(ByteOrder.LITTLE_ENDIAN);
    for (int j = 0; j < 128; j++) {
      assertEquals(Float.parseFloat(second[3 + j]), b.getFloat(), "value " + j);
    }
  }

  @Test
  void aReadOnlyDatasetKeepsItsCacheInTheUserDataFolder() {
    System.setProperty("databoost.readOnly", "true");
    try {
      CliRun run = CliRun.of("embed", data.toString(), "--embedder", "raw-pixels");
      assertEquals(0, run.code, run.toString());
      assertTrue(run.out.contains("the dataset is read-only"), run.out);
      Path userData = Path.of(System.getProperty("databoost.dataDir"));
      Matcher cache = Pattern.compile("Cache: (\\S+)").matcher(run.out);
      assertTrue(cache.find(), run.out);
      assertTrue(Path.of(cache.group(1)).startsWith(userData), run.out);
      assertFalse(Files.exists(data.resolve(".databoost/embeddings")), "the dataset is untouched");
    } finally {
      System.clearProperty("databoost.readOnly");
    }
  }

  @Test
  void anOnnxModelWithItsInputDescribed() throws URISyntaxException {
    CliRun run =
        CliRun.of(
            "embed",
            data.toString(),
            "--embedder",
            "onnx:" + onnxFixture(),
            "--input-size",
            "10x12",
            "--mean",
            "0.5,0.4,0.3",
            "--std",
            "0.2,0.25,0.3");
    assertEquals(0, run.code, run.toString());
    Matcher m = counts(run);
    assertTrue(m.group(1).matches("onnx-[0-9a-f]{12}-v1"), m.group(1));
    assertEquals("6", m.group(2));
  }

  @Test
  void anOnnxModelWhoseInputDiffersIsExplained() throws URISyntaxException {
    CliRun run =
        CliRun.of(
            "embed", data.toString(), "--embedder", "onnx:" + onnxFixture(), "--channels", "1");
    assertEquals(ExitCodes.FAILURE, run.code, run.toString());
    assertTrue(run.err.contains("databoost: " + onnxFixture() + " takes input 'image'"), run.err);
    assertTrue(run.err.contains("--channels 3 --input-size 10x12"), run.err);
  }

  @Test
  void aFileThatIsNotAModelIsAFriendlyError() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.onnx"), "nope");
    CliRun run = CliRun.of("embed", data.toString(), "--embedder", "onnx:" + bad);
    assertEquals(ExitCodes.FAILURE, run.code, run.toString());
    assertTrue(run.err.contains("databoost: " + bad + " is not an ONNX model"), run.err);
    assertFalse(run.err.contains("Exception"), run.err);
  }

  @Test
  void inputOptionsForAnEmbedderWithItsOwnInputAreAUsageError() {
    CliRun run = CliRun.of("embed", data.toString(), "--input-size", "28");
    assertEquals(ExitCodes.USAGE, run.code, run.toString());
    assertTrue(run.err.contains("'glyph' prepares its own input"), run.err);
    CliRun dup = CliRun.of("duplicates", data.toString(), "--channels", "1");
    assertEquals(ExitCodes.USAGE, dup.code, dup.toString());
    CliRun map =
        CliRun.of(
            "map", data.toString(), "--out", tmp.resolve("m.png").toString(), "--mean", "0.5");
    assertEquals(ExitCodes.USAGE, map.code, map.toString());
    CliRun bench = CliRun.of("bench", "embed", data.toString(), "--std", "0.5");
    assertEquals(ExitCodes.USAGE, bench.code, bench.toString());
  }

  @Test
  void aBadInputSpecIsAUsageError() throws URISyntaxException {
    String model = "onnx:" + onnxFixture();
    for (String[] args :
        List.of(
            new String[] {"--input-size", "ten"},
            new String[] {"--input-size", "10x12x3"},
            new String[] {"--channels", "2"},
            new String[] {"--mean", "0.1,0.2"},
            new String[] {"--std", "0"})) {
      CliRun run = CliRun.of("embed", data.toString(), "--embedder", model, args[0], args[1]);
      assertEquals(ExitCodes.USAGE, run.code, String.join(" ", args) + "\n" + run);
    }
  }

  @Test
  void anUnusableDatasetHasItsOwnExitCode() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    CliRun run = CliRun.of("embed", empty.toString(), "--embedder", "raw-pixels");
    assertEquals(ExitCodes.DATASET_UNUSABLE, run.code, run.toString());
  }

  @Test
  void anOutFileOfAnotherKindIsRefused() {
    CliRun run = CliRun.of("embed", data.toString(), "--out", tmp.resolve("e.txt").toString());
    assertEquals(ExitCodes.FAILURE, run.code, run.toString());
    assertTrue(run.err.contains(".npy or .csv"), run.err);
  }

  @Test
  void duplicatesMapAndBenchTakeAModelFile() throws URISyntaxException {
    String[] model = {
      "--embedder",
      "onnx:" + onnxFixture(),
      "--input-size",
      "10x12",
      "--mean",
      "0.5,0.4,0.3",
      "--std",
      "0.2,0.25,0.3"
    };
    CliRun dup = CliRun.of(concat(new String[] {"duplicates", data.toString()}, model));
    assertEquals(0, dup.code, dup.toString());
    assertTrue(dup.out.contains("(onnx-"), dup.out);
    Path png = tmp.resolve("m.csv");
    CliRun map =
        CliRun.of(concat(new String[] {"map", data.toString(), "--out", png.toString()}, model));
    assertEquals(0, map.code, map.toString());
    CliRun bench = CliRun.of(concat(new String[] {"bench", "embed", data.toString()}, model));
    assertEquals(0, bench.code, bench.toString());
    assertTrue(bench.out.lines().anyMatch(l -> l.startsWith("onnx-")), bench.out);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

package org.databoost.neighbors.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * faiss IndexFlatIP's figure for the same data: run now through the anchors' {@code knn_anchor.py}
 * (Debian's python3-faiss, importable only from {@code /usr/bin/python3}), or read from a results
 * file of an earlier anchors run ({@code run_all.sh} writes {@code results.jsonl}).
 */
final class FaissAnchor {
  static final String IMPL = "faiss_flat";
  static final String PYTHON = "/usr/bin/python3";

  /** One anchors result row; {@code foreignCores} is NaN when the row does not say. */
  record Row(double qps, double qpsPerCpu, double foreignCores, String source) {}

  private FaissAnchor() {}

  /** The least-contaminated faiss_flat row for (d, n) in a JSON-lines file. */
  static Optional<Row> fromResults(Path jsonl, int dim, int n) throws IOException {
    return parse(Files.readAllLines(jsonl), dim, n, jsonl.toString());
  }

  /** Runs knn_anchor.py now; empty (with the reason printed) when it cannot. */
  static Optional<Row> run(Path anchors, Path dataDir, int dim, int n, int threads, Appendable log)
      throws IOException, InterruptedException {
    Path script = anchors.resolve("knn_anchor.py");
    if (!Files.isRegularFile(script) || !Files.isExecutable(Path.of(PYTHON))) {
      log.append("  faiss: " + script + " or " + PYTHON + " not found; faiss not run\n");
      return Optional.empty();
    }
    ProcessBuilder pb =
        new ProcessBuilder(
                PYTHON,
                script.toString(),
                "--method",
                IMPL,
                "--d",
                Integer.toString(dim),
                "--n",
                Integer.toString(n))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("ANCHOR_DATA", dataDir.toString());
    pb.environment().remove("ANCHOR_OUT"); // its rows then come on stdout only
    pb.environment().put("THREADS", Integer.toString(threads));
    Process p = pb.start();
    List<String> lines;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      lines = r.lines().toList();
    }
    int code = p.waitFor();
    if (code != 0) {
      log.append(
          "  faiss: knn_anchor.py exited with "
              + code
              + " (is python3-faiss installed? apt-get install python3-faiss python3-numpy)\n");
      return Optional.empty();
    }
    return parse(lines, dim, n, "knn_anchor.py, this run");
  }

  static Optional<Row> parse(List<String> lines, int dim, int n, String source) {
    return lines.stream()
        .filter(l -> IMPL.equals(text(l, "impl")))
        .filter(l -> number(l, "d") == dim && number(l, "n") == n)
        .map(
            l ->
                new Row(
                    number(l, "qps"),
                    number(l, "qps_per_cpu_s"),
                    number(l, "others_cores"),
                    source))
        .min(
            Comparator.comparingDouble((Row r) -> Double.isNaN(r.foreignCores) ? 0 : r.foreignCores)
                .thenComparingDouble(r -> -r.qps));
  }

  private static String text(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  private static double number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(json);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }
}

package org.databoost.neighbors.bench;

import java.io.IOException;
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
    Path out = Files.createTempFile("databoost-faiss", ".jsonl");
    try {
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
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("ANCHOR_DATA", dataDir.toString());
      pb.environment().put("ANCHOR_OUT", out.toString());
      pb.environment().put("THREADS", Integer.toString(threads));
      int code = pb.start().waitFor();
      if (code != 0) {
        log.append(
            "  faiss: knn_anchor.py exited with "
                + code
                + " (is python3-faiss installed? apt-get install python3-faiss python3-numpy)\n");
        return Optional.empty();
      }
      return parse(Files.readAllLines(out), dim, n, "knn_anchor.py, this run");
    } finally {
      Files.deleteIfExists(out);
    }
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

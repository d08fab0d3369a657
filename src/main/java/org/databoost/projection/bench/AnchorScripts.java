package org.databoost.projection.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the anchor harness's Python scripts (data generator, quality scorer, umap-learn) and reads
 * the JSON rows they print. The Debian packages they need import only from /usr/bin/python3.
 */
final class AnchorScripts {
  private final Path dir;
  private final Path dataDir;
  private final String python;
  private final int threads;

  AnchorScripts(Path dir, Path dataDir, String python, int threads) {
    this.dir = dir;
    this.dataDir = dataDir;
    this.python = python;
    this.threads = threads;
  }

  void generate(int d, int n) throws IOException {
    run(List.of("gen_data.py", "--d", "" + d, "--sizes", "" + n));
  }

  /** quality.py's row: trust10, knn_pres10, label_acc10, coverage. */
  String quality(int d, int n, Path embedding, String impl) throws IOException {
    return lastJson(
        run(
            List.of(
                "quality.py",
                "--d",
                "" + d,
                "--n",
                "" + n,
                "--emb",
                embedding.toString(),
                "--impl",
                impl)));
  }

  /** umap_learn_anchor.py's row (fit_s = warm fit, embedding = its output). */
  String umapLearn(int d, int n, Path outDir) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of("umap_learn_anchor.py", "--d", "" + d, "--n", "" + n, "--out", "" + outDir));
    if (n >= 50_000) {
      args.addAll(List.of("--warmup-rows", "5000")); // as run_all.sh: skip the cold full fit
    }
    return lastJson(run(args));
  }

  private String run(List<String> script) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(python);
    cmd.add(dir.resolve(script.get(0)).toString());
    cmd.addAll(script.subList(1, script.size()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = pb.environment();
    env.remove("ANCHOR_OUT");
    env.put("ANCHOR_DATA", dataDir.toString());
    env.put("THREADS", "" + threads);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      int rc = p.waitFor();
      if (rc != 0) {
        throw new IOException(String.join(" ", cmd) + " failed with exit code " + rc);
      }
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return out;
  }

  static String lastJson(String out) throws IOException {
    String[] lines = out.split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (lines[i].startsWith("{")) {
        return lines[i];
      }
    }
    throw new IOException("no JSON row in: " + out);
  }

  /** A number field of a flat JSON row; empty when absent or null. */
  static OptionalDouble number(String json, String key) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*(-?[0-9.eE+-]+)").matcher(json);
    return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
  }

  static String string(String json, String key) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : "";
  }

  /**
   * The snapshot's cleanest (least background load) row with these fields, from a results .jsonl.
   */
  static String snapshotRow(Path jsonl, String task, String impl, int d, int n) throws IOException {
    String best = null;
    double bestLoad = Double.POSITIVE_INFINITY;
    for (String line : Files.readAllLines(jsonl)) {
      if (string(line, "task").equals(task)
          && string(line, "impl").equals(impl)
          && number(line, "d").orElse(-1) == d
          && number(line, "n").orElse(-1) == n) {
        double load = number(line, "others_cores").orElse(0);
        if (load < bestLoad) {
          best = line;
          bestLoad = load;
        }
      }
    }
    return best;
  }
}

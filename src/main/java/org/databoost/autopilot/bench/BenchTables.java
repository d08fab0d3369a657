package org.databoost.autopilot.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The benchmark's tables, from the results kept in the work folder. */
final class BenchTables {
  private static final String[] STAGES = {
    "plan", "step.a", "step.b", "step.c", "step.d", "step.e", "step.f"
  };

  private BenchTables() {}

  static void print(Path results, AutopilotBenchmark b, PrintStream out) throws IOException {
    List<BenchResult> all = new ArrayList<>();
    if (Files.isDirectory(results)) {
      try (Stream<Path> files = Files.list(results)) {
        for (Path f : files.sorted().toList()) {
          String n = f.getFileName().toString();
          if (n.endsWith(".properties") && !n.endsWith(".pipeline.properties")) {
            all.add(BenchResult.read(f));
          }
        }
      }
    }
    out.println();
    out.println("Headline (" + b.headlinePreset() + " protocol):");
    table(all, b.headline(), b.headlinePreset(), "baseline", out);
    out.println();
    out.println(
        "Ablation ("
            + b.ablationPreset()
            + " preset; each step off or on against "
            + b.reference()
            + "):");
    table(all, b.configs(), b.ablationPreset(), b.reference(), out);
    out.println();
    out.println(
        "Per-stage wall seconds of the autopilot (mean over seeds; plan = judge + mirror check):");
    out.printf("%-24s", "config");
    for (String s : STAGES) {
      out.printf("%9s", s.replace("step.", ""));
    }
    out.printf("%9s%n", "total");
    for (String c : b.configs()) {
      List<BenchResult> rows = rows(all, c, b.ablationPreset());
      if (rows.isEmpty() || Double.isNaN(mean(rows, "autopilot.seconds"))) {
        continue;
      }
      out.printf("%-24s", c);
      for (String s : STAGES) {
        out.printf(Locale.ROOT, "%9.1f", mean(rows, s + ".seconds"));
      }
      out.printf(Locale.ROOT, "%9.1f%n", mean(rows, "autopilot.seconds"));
    }
    out.flush();
  }

  /**
   * One row per configuration: mean holdout accuracy with its standard deviation over seeds ("-"
   * with one seed), the difference to {@code reference}'s mean, label book, best val, sizes, times.
   */
  static void table(
      List<BenchResult> all,
      List<String> configs,
      String preset,
      String reference,
      PrintStream out) {
    out.printf(
        "%-24s %5s %17s %13s %11s %9s %13s %9s %9s%n",
        "config",
        "seeds",
        "holdout (sd)",
        "vs " + reference,
        "label book",
        "val",
        "train + val",
        "pipeline",
        "training");
    Map<String, Double> means = new LinkedHashMap<>();
    for (String c : configs) {
      means.put(c, mean(rows(all, c, preset), "holdout"));
    }
    Double ref = mean(rows(all, reference, preset), "holdout");
    for (String c : configs) {
      List<BenchResult> rows = rows(all, c, preset);
      if (rows.isEmpty()) {
        out.printf("%-24s %5s%n", c, "-");
        continue;
      }
      double m = means.get(c);
      out.printf(
          Locale.ROOT,
          "%-24s %5d %10.4f %6s %13s %11.4f %9.4f %13s %8.1fm %8.1fm%n",
          c,
          rows.size(),
          m,
          rows.size() < 2 ? "(-)" : String.format(Locale.ROOT, "(%.3f)", sd(rows, "holdout")),
          Double.isNaN(ref) || c.equals(reference)
              ? ""
              : String.format(Locale.ROOT, "%+.4f", m - ref),
          mean(rows, "labelbook"),
          mean(rows, "val"),
          String.format(
              Locale.ROOT, "%,.0f + %,.0f", mean(rows, "train.images"), mean(rows, "val.images")),
          nanToZero(mean(rows, "autopilot.seconds")) / 60,
          mean(rows, "train.seconds") / 60);
      out.println(
          "    seeds: "
              + String.join(
                  ", ",
                  rows.stream()
                      .map(
                          r ->
                              r.text("seed")
                                  + ": "
                                  + String.format(Locale.ROOT, "%.4f", r.number("holdout")))
                      .toList()));
    }
  }

  private static List<BenchResult> rows(List<BenchResult> all, String config, String preset) {
    return all.stream()
        .filter(r -> r.text("config").equals(config) && r.text("preset").equals(preset))
        .toList();
  }

  static double mean(List<BenchResult> rows, String key) {
    return rows.stream().mapToDouble(r -> r.number(key)).average().orElse(Double.NaN);
  }

  static double sd(List<BenchResult> rows, String key) {
    if (rows.size() < 2) {
      return 0;
    }
    double m = mean(rows, key);
    double ss = rows.stream().mapToDouble(r -> (r.number(key) - m) * (r.number(key) - m)).sum();
    return Math.sqrt(ss / (rows.size() - 1));
  }

  private static double nanToZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}

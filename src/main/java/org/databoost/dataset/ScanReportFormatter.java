package org.databoost.dataset;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a scan as plain text for the command line: a table of images per label and split, every
 * problem grouped by kind (most severe first), and a verdict line.
 */
public final class ScanReportFormatter {

  /** The whole report, lines ending in '\n'. */
  public String format(DatasetScan scan) {
    StringBuilder out = new StringBuilder();
    out.append("Dataset: ").append(scan.root()).append('\n');
    scan.layout()
        .ifPresent(layout -> out.append("Layout: ").append(describe(layout, scan)).append('\n'));
    if (!scan.images().isEmpty()) {
      out.append('\n');
      table(scan, out);
    }
    problems(scan, out);
    out.append('\n').append(verdict(scan)).append('\n');
    return out.toString();
  }

  /**
   * The last line of the report: usable or not, and why; a dataset no model can be trained on whose
   * images can still be judged ({@link DatasetScan#unjudgeableReason}) says so.
   */
  public String verdict(DatasetScan scan) {
    if (!scan.isUsable() && scan.unjudgeableReason().isEmpty()) {
      return "No model can be trained: "
          + scan.unusableReason().orElseThrow()
          + ". Evaluate still flags leaks, duplicates and junk from the embeddings alone.";
    }
    if (!scan.isUsable()) {
      return "Not usable: " + scan.unusableReason().orElseThrow();
    }
    int errors = scan.problems(Problem.Severity.ERROR).size();
    int warnings = scan.problems(Problem.Severity.WARNING).size();
    return String.format(
        Locale.ROOT,
        "Usable: %d images in %d labels; %s, %s.",
        scan.images().size(),
        scan.labels().size(),
        plural(errors, "error"),
        plural(warnings, "warning"));
  }

  private static String describe(DatasetLayout layout, DatasetScan scan) {
    if (layout.kind() == DatasetLayout.Kind.LABEL_FOLDERS) {
      return "one folder per label (train and val set aside virtually)";
    }
    List<String> names = new ArrayList<>();
    layout.splitFolders().forEach(s -> names.add(s.folder() + "/"));
    return "split folders "
        + String.join(", ", names)
        + (scan.virtualValidation() ? " (val set aside virtually)" : "");
  }

  private static void table(DatasetScan scan, StringBuilder out) {
    List<Split> splits = scan.splits();
    int labelWidth = "label".length();
    for (String l : scan.labels()) {
      labelWidth = Math.max(labelWidth, l.length());
    }
    labelWidth = Math.max(labelWidth, "total".length());
    List<Integer> widths = new ArrayList<>();
    StringBuilder header = new StringBuilder(pad("label", labelWidth, false));
    for (Split s : splits) {
      int w = Math.max(s.folder().length(), 6);
      widths.add(w);
      header.append("  ").append(pad(s.folder(), w, true));
    }
    header.append("  ").append(pad("total", 6, true));
    out.append(header).append('\n');
    for (String label : scan.labels()) {
      out.append(pad(label, labelWidth, false));
      int sum = 0;
      for (int i = 0; i < splits.size(); i++) {
        int n = scan.count(splits.get(i), label);
        sum += n;
        out.append("  ").append(pad(Integer.toString(n), widths.get(i), true));
      }
      out.append("  ").append(pad(Integer.toString(sum), 6, true)).append('\n');
    }
    out.append(pad("total", labelWidth, false));
    for (int i = 0; i < splits.size(); i++) {
      out.append("  ")
          .append(pad(Integer.toString(scan.count(splits.get(i))), widths.get(i), true));
    }
    out.append("  ").append(pad(Integer.toString(scan.images().size()), 6, true)).append('\n');
  }

  private static void problems(DatasetScan scan, StringBuilder out) {
    Map<ProblemKind, List<Problem>> byKind = new EnumMap<>(ProblemKind.class);
    for (Problem p : scan.problems()) {
      byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p);
    }
    for (Problem.Severity severity : Problem.Severity.values()) {
      for (Map.Entry<ProblemKind, List<Problem>> group : byKind.entrySet()) {
        List<Problem> problems =
            group.getValue().stream().filter(p -> p.severity() == severity).toList();
        if (problems.isEmpty()) {
          continue;
        }
        out.append('\n')
            .append(severity)
            .append(": ")
            .append(group.getKey().title())
            .append(" (")
            .append(problems.size())
            .append(")\n");
        for (Problem p : problems) {
          out.append("  ");
          if (p.path() != null) {
            out.append(p.displayPath()).append(": ");
          }
          out.append(p.message()).append('\n');
        }
      }
    }
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }
}

package org.databoost.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds byte-identical images. The same bytes in two splits is leakage (validation scores what the
 * model trained on); within a split it is a duplicate, and with two labels a contradiction.
 */
final class DuplicateFinder {
  private DuplicateFinder() {}

  /** Problems for every image identical to one earlier in {@code entries} (already ordered). */
  static List<Problem> find(List<ImageEntry> entries) {
    Map<String, List<ImageEntry>> byHash = new LinkedHashMap<>();
    for (ImageEntry e : entries) {
      byHash.computeIfAbsent(e.hash(), k -> new ArrayList<>()).add(e);
    }
    List<Problem> problems = new ArrayList<>();
    for (List<ImageEntry> group : byHash.values()) {
      ImageEntry first = group.get(0);
      for (ImageEntry e : group.subList(1, group.size())) {
        problems.add(describe(first, e));
      }
    }
    return problems;
  }

  private static Problem describe(ImageEntry first, ImageEntry e) {
    String labels =
        first.label().equals(e.label())
            ? ""
            : "; labelled " + first.label() + " there and " + e.label() + " here";
    if (first.split() != e.split()) {
      return Problem.of(
          ProblemKind.LEAKAGE,
          e.relativePath(),
          "byte-identical to "
              + first.displayPath()
              + " (the same image is in "
              + first.split()
              + " and "
              + e.split()
              + labels
              + ")");
    }
    if (!labels.isEmpty()) {
      return Problem.of(
          ProblemKind.CONFLICTING_LABELS,
          e.relativePath(),
          "byte-identical to " + first.displayPath() + labels.replaceFirst("; l", ", but l"));
    }
    return Problem.of(
        ProblemKind.DUPLICATE, e.relativePath(), "byte-identical to " + first.displayPath());
  }
}

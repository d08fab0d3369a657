package org.databoost.app.summary;

import java.util.List;

/** One label's image counts per split, in the order of the table's split columns. */
public record CountRow(String label, List<Integer> counts) {
  public int total() {
    return counts.stream().mapToInt(Integer::intValue).sum();
  }
}

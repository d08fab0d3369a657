package org.databoost.dataset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets a fifth of each label's images aside for validation when the dataset has no val/ folder.
 * Within a label, images are ranked by a hash of their file name and the first 20% go to val:
 * stratified (every label gives its share), deterministic (the same files every scan), and stable
 * (adding a file moves at most one other across the boundary).
 */
final class VirtualSplit {
  static final double VAL_FRACTION = 0.2;

  private VirtualSplit() {}

  /** The entries with 20% of each label's {@code TRAIN} entries moved to {@code VAL}. */
  static List<ImageEntry> assign(List<ImageEntry> entries) {
    Map<String, List<ImageEntry>> byLabel = new LinkedHashMap<>();
    for (ImageEntry e : entries) {
      if (e.split() == Split.TRAIN) {
        byLabel.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e);
      }
    }
    Map<Path, Split> assigned = new LinkedHashMap<>();
    for (List<ImageEntry> label : byLabel.values()) {
      List<ImageEntry> ranked = new ArrayList<>(label);
      ranked.sort(
          Comparator.comparing((ImageEntry e) -> nameHash(e)).thenComparing(e -> e.displayPath()));
      long toVal = Math.round(ranked.size() * VAL_FRACTION);
      for (int i = 0; i < toVal; i++) {
        assigned.put(ranked.get(i).relativePath(), Split.VAL);
      }
    }
    List<ImageEntry> out = new ArrayList<>(entries.size());
    for (ImageEntry e : entries) {
      Split s = assigned.get(e.relativePath());
      out.add(s == null ? e : e.withSplit(s));
    }
    return out;
  }

  /** The file name's SHA-256, as hex, so the order does not depend on the folder it is in. */
  private static String nameHash(ImageEntry e) {
    return ContentHash.of(
        e.relativePath().getFileName().toString().getBytes(StandardCharsets.UTF_8));
  }
}

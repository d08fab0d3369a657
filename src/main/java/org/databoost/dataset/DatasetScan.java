package org.databoost.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a scan found: the usable images, their labels and per-split counts, and every problem. A
 * scan of a folder that cannot be read at all has no layout, no images and a blocking problem.
 */
public final class DatasetScan {
  private final Path root;
  private final DatasetLayout layout;
  private final boolean virtualValidation;
  private final List<String> labels;
  private final List<ImageEntry> images;
  private final List<Problem> problems;
  private final Map<Split, Map<String, Integer>> counts;

  DatasetScan(
      Path root,
      DatasetLayout layout,
      boolean virtualValidation,
      List<String> labels,
      List<ImageEntry> images,
      List<Problem> problems) {
    this.root = root;
    this.layout = layout;
    this.virtualValidation = virtualValidation;
    this.labels = List.copyOf(labels);
    this.images = List.copyOf(images);
    this.problems = List.copyOf(problems);
    this.counts = count(this.labels, this.images);
  }

  /** The folder that was scanned, as given. */
  public Path root() {
    return root;
  }

  /** The layout, unless the folder could not be read at all. */
  public Optional<DatasetLayout> layout() {
    return Optional.ofNullable(layout);
  }

  /**
   * Whether the val split was set aside from the training images by the scan (there is no val/
   * folder), rather than read from a folder.
   */
  public boolean virtualValidation() {
    return virtualValidation;
  }

  /** The labels that have usable images, in {@link LabelOrder}; a label's index is its class. */
  public List<String> labels() {
    return labels;
  }

  /** The usable images, ordered by split, label order, then path. */
  public List<ImageEntry> images() {
    return images;
  }

  /** The images of one split. */
  public List<ImageEntry> images(Split split) {
    return images.stream().filter(e -> e.split() == split).toList();
  }

  /** The splits that hold usable images, in {@link Split} order. */
  public List<Split> splits() {
    return new ArrayList<>(counts.keySet());
  }

  /** Usable images per label (in label order, zeros included) for each split that has any. */
  public Map<Split, Map<String, Integer>> counts() {
    return counts;
  }

  /** How many usable images a split holds for a label. */
  public int count(Split split, String label) {
    return counts.getOrDefault(split, Map.of()).getOrDefault(label, 0);
  }

  /** How many usable images a split holds. */
  public int count(Split split) {
    return counts.getOrDefault(split, Map.of()).values().stream().mapToInt(i -> i).sum();
  }

  /** Every problem, in the order found; each excluded file appears here with its reason. */
  public List<Problem> problems() {
    return problems;
  }

  /** The problems with this severity. */
  public List<Problem> problems(Problem.Severity severity) {
    return problems.stream().filter(p -> p.severity() == severity).toList();
  }

  /** Whether training can start: there are training and validation images in two labels or more. */
  public boolean isUsable() {
    return unusableReason().isEmpty();
  }

  /** Why the dataset cannot be used, in a user's words; empty when it can. */
  public Optional<String> unusableReason() {
    return problems.stream().filter(p -> p.kind().blocking()).map(Problem::message).findFirst();
  }

  /**
   * Why the images cannot even be judged from their embeddings (no images, no training images, no
   * dataset folder); empty when they can, even where no model can be trained ({@link
   * ProblemKind#blocksTrainingOnly}).
   */
  public Optional<String> unjudgeableReason() {
    return problems.stream()
        .filter(p -> p.kind().blocking() && !p.kind().blocksTrainingOnly())
        .map(Problem::message)
        .findFirst();
  }

  private static Map<Split, Map<String, Integer>> count(
      List<String> labels, List<ImageEntry> images) {
    Map<Split, Map<String, Integer>> out = new EnumMap<>(Split.class);
    for (ImageEntry e : images) {
      out.computeIfAbsent(e.split(), s -> zeros(labels)).merge(e.label(), 1, Integer::sum);
    }
    out.replaceAll((s, m) -> Collections.unmodifiableMap(m));
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, Integer> zeros(List<String> labels) {
    Map<String, Integer> m = new LinkedHashMap<>();
    labels.forEach(l -> m.put(l, 0));
    return m;
  }
}

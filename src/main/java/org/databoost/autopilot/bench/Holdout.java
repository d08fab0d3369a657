package org.databoost.autopilot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.databoost.training.LabelledImage;
import org.databoost.workspace.NewImage;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import org.databoost.workspace.WorkspaceOptions;

/**
 * The benchmark's private holdout: a seeded, stratified share of the source's val images that no
 * step ever sees, like the competition's hidden test set. The holdout stays where it is in the
 * (read-only) source and is only read by the final training's predictions; every run works on a new
 * dataset made of the rest (train, val without the holdout, label book), copied in through a
 * workspace add.
 */
final class Holdout {
  private final DatasetScan source;
  private final Set<String> held;

  private Holdout(DatasetScan source, Set<String> held) {
    this.source = source;
    this.held = held;
  }

  /**
   * Per label of val, {@code share} of its images (rounded), chosen at random with the seed among
   * those with no byte-identical copy in train or the label book: a copy there would let every
   * configuration score the image by memory, which no hidden test allows.
   */
  static Holdout of(DatasetScan source, double share, long seed) {
    Set<String> elsewhere = new HashSet<>();
    for (ImageEntry e : source.images()) {
      if (e.split() == Split.TRAIN || e.split() == Split.LABEL_BOOK) {
        elsewhere.add(e.hash());
      }
    }
    Map<String, List<ImageEntry>> byLabel = new TreeMap<>();
    for (ImageEntry e : source.images(Split.VAL)) {
      if (!elsewhere.contains(e.hash())) {
        byLabel.computeIfAbsent(e.label(), l -> new ArrayList<>()).add(e);
      }
    }
    Set<String> held = new HashSet<>();
    for (Map.Entry<String, List<ImageEntry>> e : byLabel.entrySet()) {
      List<ImageEntry> all = new ArrayList<>(e.getValue());
      all.sort(Comparator.comparing(ImageEntry::displayPath));
      SplittableRandom random = new SplittableRandom(seed * 7919 + e.getKey().hashCode());
      for (int i = all.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        ImageEntry t = all.get(i);
        all.set(i, all.get(j));
        all.set(j, t);
      }
      int n = (int) Math.round(e.getValue().size() * share);
      all.subList(0, n).forEach(x -> held.add(x.displayPath()));
    }
    return new Holdout(source, held);
  }

  int size() {
    return held.size();
  }

  /** The holdout as the final training's test images, read from the source. */
  List<LabelledImage> images(List<String> labels) {
    List<LabelledImage> out = new ArrayList<>();
    for (ImageEntry e : source.images(Split.VAL)) {
      if (held.contains(e.displayPath())) {
        out.add(
            new LabelledImage(
                "holdout/" + e.displayPath(),
                source.root().resolve(e.relativePath()),
                labels.indexOf(e.label())));
      }
    }
    return out;
  }

  /**
   * Builds a new dataset in the empty folder {@code dir}: the source's train, val without the
   * holdout, and label book, copied in as one workspace add.
   */
  void copyRestTo(Path dir, Progress progress) throws IOException, WorkspaceException {
    List<NewImage> images = new ArrayList<>();
    for (ImageEntry e : source.images()) {
      boolean kept =
          e.split() == Split.TRAIN
              || e.split() == Split.LABEL_BOOK
              || (e.split() == Split.VAL && !held.contains(e.displayPath()));
      if (kept) {
        images.add(
            NewImage.fromFile(
                source.root().resolve(e.relativePath()), e.split(), e.label(), "benchmark copy"));
        Files.createDirectories(dir.resolve(e.split().folder()).resolve(e.label()));
      }
    }
    try (Workspace ws = Workspace.open(dir, WorkspaceOptions.defaults())) {
      ws.add(images, "Benchmark: the source without the private holdout", progress);
    }
  }
}

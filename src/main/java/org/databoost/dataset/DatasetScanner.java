package org.databoost.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.databoost.task.Progress;

/**
 * Scans a dataset folder: finds its layout and labels, checks and hashes every image, and reports
 * every problem instead of failing. Bad files are excluded and listed; the scan itself only ends
 * early when cancelled ({@link org.databoost.task.CancelledException}).
 */
public final class DatasetScanner {
  private final ScanOptions options;

  public DatasetScanner() {
    this(ScanOptions.defaults());
  }

  public DatasetScanner(ScanOptions options) {
    this.options = options;
  }

  /** Scans {@code root}, hashing every file. */
  public DatasetScan scan(Path root, Progress progress) {
    return scan(root, HashCache.NONE, progress);
  }

  /** Scans {@code root}, taking the hashes of unchanged files from {@code hashCache}. */
  public DatasetScan scan(Path root, HashCache hashCache, Progress progress) {
    List<Problem> problems = new ArrayList<>();
    DatasetLayout layout;
    Path realRoot;
    try {
      layout = DatasetLayout.detect(root);
      realRoot = layout.root().toRealPath();
    } catch (DatasetException | IOException e) {
      problems.add(Problem.of(ProblemKind.DATASET_FOLDER, null, e.getMessage()));
      return new DatasetScan(root, null, false, List.of(), List.of(), problems);
    }
    FolderWalker walker = new FolderWalker(layout, realRoot, options.lister(), progress, problems);
    if (!walker.walk()) {
      return new DatasetScan(root, layout, false, List.of(), List.of(), problems);
    }
    List<Candidate> candidates = countLinkedFilesOnce(walker.candidates(), problems);

    List<ImageEntry> entries = new ArrayList<>();
    for (ImageChecker.Result r :
        new ParallelChecks(new ImageChecker(options, hashCache), options.threads())
            .run(candidates, progress)) {
      r.entry().ifPresent(entries::add);
      problems.addAll(r.problems());
    }

    boolean virtual = needsVirtualValidation(layout);
    if (virtual) {
      problems.add(Problem.of(ProblemKind.VIRTUAL_SPLIT, null, virtualSplitMessage(layout)));
      entries = VirtualSplit.assign(entries);
    }
    List<String> labels =
        LabelOrder.sort(new LinkedHashSet<>(entries.stream().map(ImageEntry::label).toList()));
    entries.sort(
        Comparator.comparing(ImageEntry::split)
            .thenComparing(e -> labels.indexOf(e.label()))
            .thenComparing(ImageEntry::displayPath));
    DatasetScan draft = new DatasetScan(root, layout, virtual, labels, entries, List.of());
    problems.addAll(LabelChecks.emptyLabelFolders(walker.labelFolders(), entries));
    if (layout.splitFolders().contains(Split.TRAIN)) {
      problems.addAll(LabelChecks.labelsMissingFromTrain(draft));
    }
    problems.addAll(DuplicateFinder.find(entries));
    problems.addAll(LabelChecks.blocking(draft, candidates.size()));
    return new DatasetScan(root, layout, virtual, labels, entries, problems);
  }

  private static boolean needsVirtualValidation(DatasetLayout layout) {
    List<Split> folders = layout.splitFolders();
    return layout.kind() == DatasetLayout.Kind.LABEL_FOLDERS
        || (folders.contains(Split.TRAIN) && !folders.contains(Split.VAL));
  }

  private static String virtualSplitMessage(DatasetLayout layout) {
    String rule =
        "20% of each label's images are set aside for validation, chosen by a hash of the file"
            + " name (the same files every scan)";
    return layout.kind() == DatasetLayout.Kind.LABEL_FOLDERS
        ? "no train/ and val/ folders, so the label folders are split 80/20: " + rule
        : "there is no val/ folder: " + rule + " from train/";
  }

  /**
   * Keeps one candidate per real file, so a file reached both directly and through a link (or
   * through two links) counts once; the direct path wins.
   */
  private static List<Candidate> countLinkedFilesOnce(
      List<Candidate> candidates, List<Problem> problems) {
    Map<Path, List<Candidate>> byReal = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      byReal.computeIfAbsent(c.realPath(), k -> new ArrayList<>()).add(c);
    }
    Set<Candidate> dropped = new HashSet<>();
    for (List<Candidate> group : byReal.values()) {
      if (group.size() < 2) {
        continue;
      }
      Candidate keep = group.stream().filter(c -> !c.viaLink()).findFirst().orElse(group.get(0));
      for (Candidate c : group) {
        if (c != keep) {
          dropped.add(c);
          problems.add(
              Problem.of(
                  ProblemKind.SAME_FILE_LINK,
                  c.relativePath(),
                  "the same file as "
                      + PathText.of(keep.relativePath())
                      + " (reached through a symbolic link); counted once"));
        }
      }
    }
    return candidates.stream().filter(c -> !dropped.contains(c)).toList();
  }
}

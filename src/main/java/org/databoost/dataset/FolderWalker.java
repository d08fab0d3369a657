package org.databoost.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.databoost.task.Progress;

/**
 * Finds the candidate image files of a dataset: every file in a label folder, following links that
 * stay inside the dataset. Everything else it meets is reported, except hidden and system files
 * ({@link FileNames#isIgnored}), which are skipped quietly.
 */
final class FolderWalker {
  /** A label folder that was listed, and how many files it held. */
  record LabelFolder(Optional<Split> split, String label, Path relativePath, int files) {}

  private final DatasetLayout layout;
  private final Path realRoot;
  private final DirectoryLister lister;
  private final Progress progress;
  private final List<Problem> problems;
  private final List<Candidate> candidates = new ArrayList<>();
  private final List<LabelFolder> labelFolders = new ArrayList<>();

  FolderWalker(
      DatasetLayout layout,
      Path realRoot,
      DirectoryLister lister,
      Progress progress,
      List<Problem> problems) {
    this.layout = layout;
    this.realRoot = realRoot;
    this.lister = lister;
    this.progress = progress;
    this.problems = problems;
  }

  /** Walks the dataset; returns false when the root itself cannot be listed. */
  boolean walk() {
    Optional<List<Path>> children = list(layout.root(), Path.of(""));
    if (children.isEmpty()) {
      return false;
    }
    for (Path child : children.get()) {
      Path rel = layout.root().relativize(child);
      String name = rel.toString();
      Optional<Entry> entry = follow(child, rel);
      if (entry.isEmpty()) {
        continue;
      }
      if (layout.kind() == DatasetLayout.Kind.LABEL_FOLDERS) {
        if (entry.get().directory()) {
          walkLabel(Optional.empty(), name, child, rel);
        } else {
          report(ProblemKind.STRAY_FILE, rel, "a file outside any label folder; not used");
        }
      } else if (!entry.get().directory()) {
        report(
            ProblemKind.IGNORED_FILE,
            rel,
            "a file next to the split folders; only train/, val/, test/ and label_book/ are read");
      } else {
        Optional<Split> split = Split.ofFolder(name);
        if (split.isPresent()) {
          walkSplit(split.get(), child, rel);
        } else {
          report(
              ProblemKind.UNEXPECTED_FOLDER,
              rel,
              "not a split folder (expected train, val, test or label_book); not scanned");
        }
      }
    }
    return true;
  }

  List<Candidate> candidates() {
    return candidates;
  }

  List<LabelFolder> labelFolders() {
    return labelFolders;
  }

  private void walkSplit(Split split, Path dir, Path rel) {
    for (Path child : list(dir, rel).orElse(List.of())) {
      Path childRel = rel.resolve(child.getFileName().toString());
      Optional<Entry> entry = follow(child, childRel);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.get().directory()) {
        walkLabel(Optional.of(split), child.getFileName().toString(), child, childRel);
      } else {
        report(
            ProblemKind.STRAY_FILE,
            childRel,
            "a file directly in " + split.folder() + "/, outside any label folder; not used");
      }
    }
  }

  private void walkLabel(Optional<Split> split, String label, Path dir, Path rel) {
    progress.checkCancelled();
    progress.update("Listing files", candidates.size(), -1);
    Optional<List<Path>> children = list(dir, rel);
    if (children.isEmpty()) {
      return;
    }
    int files = 0;
    for (Path child : children.get()) {
      Path childRel = rel.resolve(child.getFileName().toString());
      Optional<Entry> entry = follow(child, childRel);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.get().directory()) {
        report(
            ProblemKind.NESTED_FOLDER,
            childRel,
            "a folder inside the label folder " + PathText.of(rel) + "; its files are not used");
      } else {
        files++;
        candidates.add(
            new Candidate(childRel, entry.get().realPath(), split, label, entry.get().viaLink()));
      }
    }
    labelFolders.add(new LabelFolder(split, label, rel, files));
  }

  /** A file or folder to go on with: links resolved, inside the dataset. */
  private record Entry(Path realPath, boolean directory, boolean viaLink) {}

  /**
   * Resolves an entry; empty (and reported, unless hidden) when it is hidden, a broken link or a
   * link leaving the dataset root.
   */
  private Optional<Entry> follow(Path path, Path rel) {
    if (FileNames.isIgnored(path.getFileName().toString())) {
      return Optional.empty();
    }
    boolean link = Files.isSymbolicLink(path);
    Path real;
    try {
      real = path.toRealPath();
    } catch (IOException e) {
      if (link) {
        report(
            ProblemKind.BROKEN_LINK,
            rel,
            "a symbolic link to " + target(path) + ", which is missing");
      } else {
        report(ProblemKind.UNREADABLE_FILE, rel, "cannot be read: " + IoReasons.describe(e));
      }
      return Optional.empty();
    }
    if (!real.startsWith(realRoot)) {
      // Following it would read files the user did not put in the dataset.
      report(
          ProblemKind.LINK_OUTSIDE,
          rel,
          "a symbolic link to " + real + ", outside the dataset folder; refused");
      return Optional.empty();
    }
    return Optional.of(new Entry(real, Files.isDirectory(real), link || !real.endsWith(rel)));
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "an unknown target";
    }
  }

  private Optional<List<Path>> list(Path dir, Path rel) {
    try {
      return Optional.of(lister.list(dir));
    } catch (IOException e) {
      String why = IoReasons.describe(e);
      if (rel.toString().isEmpty()) {
        report(
            ProblemKind.DATASET_FOLDER,
            null,
            "The folder " + dir + " cannot be read (" + why + ").");
      } else {
        report(
            ProblemKind.UNREADABLE_FOLDER,
            rel,
            "this folder cannot be read (" + why + "); its files are not used");
      }
      return Optional.empty();
    }
  }

  private void report(ProblemKind kind, Path rel, String message) {
    problems.add(Problem.of(kind, rel, message));
  }
}

package org.databoost.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of the labels and splits as a whole, once every file has been checked. */
final class LabelChecks {
  private LabelChecks() {}

  /** A warning for each label folder that contributed no usable image. */
  static List<Problem> emptyLabelFolders(
      List<FolderWalker.LabelFolder> folders, List<ImageEntry> entries) {
    Set<Path> used = new HashSet<>();
    entries.forEach(e -> used.add(e.relativePath().getParent()));
    List<Problem> problems = new ArrayList<>();
    for (FolderWalker.LabelFolder f : folders) {
      if (used.contains(f.relativePath())) {
        continue;
      }
      String message =
          f.files() == 0
              ? "an empty label folder"
              : "a label folder with no usable images (its "
                  + f.files()
                  + (f.files() == 1 ? " file was" : " files were")
                  + " refused)";
      problems.add(Problem.of(ProblemKind.EMPTY_LABEL, f.relativePath(), message));
    }
    return problems;
  }

  /** A warning for each label that has images in another split but none in train. */
  static List<Problem> labelsMissingFromTrain(DatasetScan scan) {
    List<Problem> problems = new ArrayList<>();
    for (Split split : scan.splits()) {
      if (split == Split.TRAIN) {
        continue;
      }
      for (String label : scan.labels()) {
        int n = scan.count(split, label);
        if (n > 0 && scan.count(Split.TRAIN, label) == 0) {
          problems.add(
              Problem.of(
                  ProblemKind.LABEL_NOT_IN_TRAIN,
                  Path.of(split.folder(), label),
                  "label "
                      + label
                      + " has "
                      + n
                      + " image"
                      + (n == 1 ? "" : "s")
                      + " in "
                      + split
                      + " but none in train, so a model trained on train cannot learn it"));
        }
      }
    }
    return problems;
  }

  /** The problems that make the dataset unusable, if any; the first one is the verdict. */
  static List<Problem> blocking(DatasetScan scan, int candidates) {
    List<Problem> problems = new ArrayList<>();
    DatasetLayout layout = scan.layout().orElseThrow();
    if (scan.images().isEmpty()) {
      String refused = candidates == 0 ? "" : " (all " + candidates + " files found were refused)";
      problems.add(
          Problem.of(
              ProblemKind.NO_IMAGES,
              null,
              "no usable images were found in " + layout.root() + refused));
      return problems;
    }
    if (layout.kind() == DatasetLayout.Kind.SPLIT_FOLDERS
        && !layout.splitFolders().contains(Split.TRAIN)) {
      problems.add(
          Problem.of(
              ProblemKind.NO_TRAINING_DATA,
              null,
              "there is no train/ folder; a dataset needs train/ and val/ folders, or one folder"
                  + " per label"));
      return problems;
    }
    if (scan.count(Split.TRAIN) == 0) {
      problems.add(Problem.of(ProblemKind.NO_TRAINING_DATA, null, "train/ holds no usable images"));
      return problems;
    }
    if (scan.count(Split.VAL) == 0) {
      String message =
          scan.virtualValidation()
              ? "too few images to set 20% aside for validation (a label needs 3 images to give"
                  + " one)"
              : "val/ holds no usable images";
      problems.add(Problem.of(ProblemKind.NO_VALIDATION_DATA, null, message));
    }
    List<String> trained =
        scan.labels().stream().filter(l -> scan.count(Split.TRAIN, l) > 0).toList();
    if (trained.size() < 2) {
      problems.add(
          Problem.of(
              ProblemKind.TOO_FEW_LABELS,
              null,
              "only one label ("
                  + trained.get(0)
                  + ") has training images; a classifier needs at least two"));
    }
    return problems;
  }
}

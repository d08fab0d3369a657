package org.databoost.workspace;

import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.databoost.dataset.DatasetLayout;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;

/**
 * Turns a user edit into a {@link Plan}: checks the request, then picks a destination for every
 * file that overwrites nothing on disk or elsewhere in the plan. Nothing is changed here.
 */
final class Planner {
  private final WorkspacePaths paths;
  private final DatasetLayout layout;
  private final Catalog catalog;

  Planner(WorkspacePaths paths, Catalog catalog) {
    this.paths = paths;
    this.layout = paths.layout();
    this.catalog = catalog;
  }

  Plan relabel(long id, Collection<String> inputs, String newLabel, Progress progress)
      throws InvalidEditException, SQLException {
    NameRules.checkLabel(newLabel, layout);
    List<ImageRow> rows = rows(inputs, false);
    for (ImageRow r : rows) {
      if (r.label().equals(newLabel)) {
        throw new InvalidEditException(r.path() + " is already labelled '" + newLabel + "'.");
      }
    }
    String what = count(rows) + " to '" + newLabel + "'";
    return place(
        id,
        OpKind.RELABEL,
        "Relabel " + what,
        rows,
        r -> layoutPath(r.split(), newLabel, fileName(r.path())),
        progress);
  }

  Plan moveToSplit(long id, Collection<String> inputs, Split split, Progress progress)
      throws InvalidEditException, SQLException {
    checkSplitTarget(split);
    List<ImageRow> rows = rows(inputs, false);
    for (ImageRow r : rows) {
      if (r.split().equals(Optional.of(split))) {
        throw new InvalidEditException(r.path() + " is already in " + split + ".");
      }
    }
    return place(
        id,
        OpKind.MOVE_SPLIT,
        "Move " + count(rows) + " to " + split,
        rows,
        r -> layoutPath(Optional.of(split), r.label(), fileName(r.path())),
        progress);
  }

  /** Refuses a move to {@code split} when the dataset has no such folder, or no splits. */
  void checkSplitTarget(Split split) throws InvalidEditException {
    if (layout.kind() == DatasetLayout.Kind.LABEL_FOLDERS) {
      throw new InvalidEditException(
          "This dataset has no split folders (its label folders sit directly in "
              + layout.root()
              + "), so images cannot be moved between splits.");
    }
    requireSplit(split);
  }

  Plan delete(long id, Collection<String> inputs, Progress progress)
      throws InvalidEditException, SQLException {
    List<ImageRow> rows = rows(inputs, false);
    return place(
        id,
        OpKind.DELETE,
        "Delete " + count(rows),
        rows,
        r -> paths.trashPath(id, r.path()),
        progress);
  }

  /** Restores trashed files to where they were deleted from. */
  Plan restore(long id, List<ImageRow> trashed, Progress progress)
      throws InvalidEditException, SQLException {
    if (trashed.isEmpty()) {
      throw new InvalidEditException("There is nothing in the trash to restore.");
    }
    for (ImageRow r : trashed) {
      if (r.split().isPresent() && !layout.splitFolders().contains(r.split().get())) {
        throw new InvalidEditException(
            "Cannot restore "
                + WorkspacePaths.originalOf(r.path())
                + ": the folder "
                + r.split().get()
                + " no longer exists.");
      }
    }
    return place(
        id,
        OpKind.RESTORE,
        "Restore "
            + (trashed.size() == 1
                ? WorkspacePaths.originalOf(trashed.get(0).path())
                : trashed.size() + " images"),
        trashed,
        r -> WorkspacePaths.originalOf(r.path()),
        progress);
  }

  /** Places staged copies into their label folders. */
  Plan add(long id, List<Staging.Staged> staged, String description) {
    FreeNames free = new FreeNames(paths);
    Set<String> created = new LinkedHashSet<>();
    List<Step> steps = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (Staging.Staged s : staged) {
      NewImage img = s.image();
      String wanted = layoutPath(img.split(), img.label(), img.fileName());
      String dst = claim(free, wanted, created, messages);
      steps.add(new Step(steps.size(), s.path(), dst, s.hash(), s.size(), img.provenance()));
    }
    String what = staged.size() == 1 ? steps.get(0).dst() : staged.size() + " images";
    return new Plan(
        id,
        OpKind.ADD,
        description.isEmpty() ? "Add " + what : description,
        0,
        steps,
        List.copyOf(created),
        List.of(),
        messages);
  }

  /** Checks a new image before anything is copied. */
  void checkNew(NewImage img) throws InvalidEditException {
    if (img.source().isPresent() == img.bytes().isPresent()) {
      throw new InvalidEditException("A new image needs either a source file or bytes, not both.");
    }
    NameRules.checkImageName(img.fileName());
    NameRules.checkLabel(img.label(), layout);
    if (layout.kind() == DatasetLayout.Kind.LABEL_FOLDERS) {
      if (img.split().isPresent()) {
        throw new InvalidEditException(
            "This dataset has no split folders, so an image cannot be added to "
                + img.split().get()
                + ".");
      }
    } else {
      requireSplit(
          img.split()
              .orElseThrow(
                  () ->
                      new InvalidEditException(
                          "Say which split to add " + img.fileName() + " to.")));
    }
    if (img.source().isPresent() && !Files.isRegularFile(img.source().get())) {
      throw new InvalidEditException(img.source().get() + " is not a readable file.");
    }
  }

  /** The catalog rows behind the user's paths, in order, without repeats. */
  List<ImageRow> rows(Collection<String> inputs, boolean trashed)
      throws InvalidEditException, SQLException {
    if (inputs.isEmpty()) {
      throw new InvalidEditException("No images were given.");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String in : inputs) {
      seen.add(paths.fromUser(in));
    }
    List<ImageRow> rows = new ArrayList<>();
    for (String p : seen) {
      Optional<ImageRow> row = catalog.get(p).filter(r -> r.trashed() == trashed);
      if (row.isEmpty()) {
        throw new InvalidEditException(
            trashed ? p + " is not in the trash." : "There is no image " + p + " in the dataset.");
      }
      rows.add(row.get());
    }
    return rows;
  }

  Plan place(
      long id,
      OpKind kind,
      String description,
      List<ImageRow> rows,
      Function<ImageRow, String> wantedDst,
      Progress progress) {
    FreeNames free = new FreeNames(paths);
    Set<String> created = new LinkedHashSet<>();
    List<Step> steps = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (ImageRow r : rows) {
      String dst = claim(free, wantedDst.apply(r), created, messages);
      steps.add(new Step(steps.size(), r.path(), dst, r.hash(), r.size(), null));
      progress.update("Planning", steps.size(), rows.size());
    }
    return new Plan(id, kind, description, 0, steps, List.copyOf(created), List.of(), messages);
  }

  /** Claims a free destination, noting a rename and a label folder that will be created. */
  String claim(FreeNames free, String wanted, Set<String> created, List<String> messages) {
    String dst = free.claim(wanted);
    if (!dst.equals(wanted)) {
      messages.add(wanted + " was taken; the file goes to " + dst + ".");
    }
    if (!WorkspacePaths.isTrash(dst)) {
      String dir = WorkspacePaths.parentOf(dst);
      if (!Files.isDirectory(paths.resolve(dir))) {
        created.add(dir);
      }
    }
    return dst;
  }

  String layoutPath(Optional<Split> split, String label, String fileName) {
    return WorkspacePaths.text(layout.relativePath(split.orElse(null), label, fileName));
  }

  private void requireSplit(Split split) throws InvalidEditException {
    if (!layout.splitFolders().contains(split)) {
      throw new InvalidEditException(
          "This dataset has no " + split + " folder (it has " + layout.splitFolders() + ").");
    }
  }

  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String count(List<ImageRow> rows) {
    return rows.size() == 1 ? rows.get(0).path() : rows.size() + " images";
  }
}

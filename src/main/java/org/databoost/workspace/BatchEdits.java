package org.databoost.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.databoost.dataset.NewFileCheck;
import org.databoost.dataset.Split;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * Edits in which every image has its own target — relabel each to its own label, move each to its
 * own split — and new versions of files. Each call is one journaled edit with the description the
 * history shows, so one undo reverses all of it (the autopilot's steps are made of these).
 */
public final class BatchEdits {
  /** A new version of an image: its bytes replace the file at {@code path}. */
  public record Replacement(String path, byte[] bytes, String provenance) {}

  private final Workspace ws;
  private final Planner planner;
  private final Staging staging;
  private final StepHook hook;
  private final WorkspacePaths paths;

  BatchEdits(Workspace ws, Planner planner, Staging staging, StepHook hook, WorkspacePaths paths) {
    this.ws = ws;
    this.planner = planner;
    this.staging = staging;
    this.hook = hook;
    this.paths = paths;
  }

  /** Moves each image into the folder of its own new label, in its split. */
  public OperationResult relabel(
      Map<String, String> newLabels, String description, Progress progress)
      throws WorkspaceException {
    for (String label : newLabels.values()) {
      NameRules.checkLabel(label, paths.layout());
    }
    return ws.edit(
        id -> {
          List<ImageRow> rows = planner.rows(newLabels.keySet(), false);
          for (ImageRow r : rows) {
            if (r.label().equals(newLabels.get(r.path()))) {
              throw new InvalidEditException(
                  r.path() + " is already labelled '" + r.label() + "'.");
            }
          }
          return planner.place(
              id,
              OpKind.RELABEL,
              description,
              rows,
              r ->
                  planner.layoutPath(
                      r.split(), newLabels.get(r.path()), Planner.fileName(r.path())),
              progress);
        },
        progress);
  }

  /** Moves each image into its own target split, keeping its label. */
  public OperationResult moveToSplits(
      Map<String, Split> targets, String description, Progress progress) throws WorkspaceException {
    return ws.edit(
        id -> {
          for (Split s : new HashSet<>(targets.values())) {
            planner.checkSplitTarget(s);
          }
          List<ImageRow> rows = planner.rows(targets.keySet(), false);
          for (ImageRow r : rows) {
            if (r.split().equals(Optional.of(targets.get(r.path())))) {
              throw new InvalidEditException(r.path() + " is already in " + r.split().get() + ".");
            }
          }
          return planner.place(
              id,
              OpKind.MOVE_SPLIT,
              description,
              rows,
              r ->
                  planner.layoutPath(
                      Optional.of(targets.get(r.path())), r.label(), Planner.fileName(r.path())),
              progress);
        },
        progress);
  }

  /** Moves the images to the trash, with the description the history shows. */
  public OperationResult delete(Collection<String> inputs, String description, Progress progress)
      throws WorkspaceException {
    return ws.edit(id -> described(planner.delete(id, inputs, progress), description), progress);
  }

  /**
   * Copies new images into the dataset. The copies are made and flushed in staging first; only then
   * is the intent committed, so a crash before that leaves the dataset untouched.
   */
  OperationResult add(List<NewImage> images, String description, Progress progress)
      throws WorkspaceException {
    return staged(images, (id, staged) -> planner.add(id, staged, description), progress);
  }

  /**
   * Gives images new content: each original goes to the trash ({@code .databoost/trash/<op>/}), its
   * new bytes take its path. The new bytes are staged and flushed before the intent is committed,
   * as for an add; undo puts every original back byte for byte (the new versions go to the trash).
   */
  public OperationResult replace(
      List<Replacement> replacements, String description, Progress progress)
      throws WorkspaceException {
    ws.requireWritable();
    List<String> inputs = replacements.stream().map(Replacement::path).toList();
    List<ImageRow> rows;
    try {
      rows = planner.rows(inputs, false);
    } catch (SQLException e) {
      throw new WorkspaceException("The catalog could not be read: " + e.getMessage(), e);
    }
    if (rows.size() != replacements.size()) {
      throw new InvalidEditException("An image was given twice.");
    }
    List<NewImage> images = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ImageRow r = rows.get(i);
      String name = Planner.fileName(r.path());
      Replacement rep = replacements.get(i);
      images.add(
          NewImage.fromBytes(
              rep.bytes(), r.split().orElse(null), r.label(), name, rep.provenance()));
    }
    return staged(
        images,
        (id, staged) -> {
          List<Step> steps = new ArrayList<>();
          for (int i = 0; i < rows.size(); i++) {
            ImageRow r = rows.get(i);
            Staging.Staged s = staged.get(i);
            // The original leaves first, so that its path is free for the new version.
            String trash = paths.trashPath(id, r.path());
            steps.add(new Step(steps.size(), r.path(), trash, r.hash(), r.size(), null));
            String provenance = s.image().provenance();
            steps.add(new Step(steps.size(), s.path(), r.path(), s.hash(), s.size(), provenance));
          }
          return new Plan(
              id, OpKind.REPLACE, description, 0, steps, List.of(), List.of(), List.of());
        },
        progress);
  }

  /** Plans an edit of staged copies, given the id it will get. */
  private interface StagedPlan {
    Plan make(long id, List<Staging.Staged> staged) throws WorkspaceException;
  }

  /** Checks, stages and flushes the images, then runs the edit; clears staging if it fails. */
  private OperationResult staged(List<NewImage> images, StagedPlan plan, Progress progress)
      throws WorkspaceException {
    ws.requireWritable();
    if (images.isEmpty()) {
      throw new InvalidEditException("No images were given.");
    }
    List<String> refused = new ArrayList<>();
    for (NewImage img : images) {
      planner.checkNew(img);
      if (img.source().isPresent()) {
        Path file = img.source().get();
        NewFileCheck.problem(file).ifPresent(why -> refused.add(file + ": " + why));
      }
    }
    if (!refused.isEmpty()) {
      throw new InvalidEditException(
          "Nothing was added: "
              + refused.size()
              + " of "
              + images.size()
              + " files would not be usable images (the scan would exclude them):\n  "
              + String.join("\n  ", refused));
    }
    try {
      return ws.edit(
          id -> {
            List<Staging.Staged> staged;
            try {
              staged = staging.copyIn(images, progress);
              hook.afterStaging();
            } catch (IOException e) {
              throw new WorkspaceException("Cannot copy the new images: " + e.getMessage(), e);
            }
            return plan.make(id, staged);
          },
          progress);
    } catch (WorkspaceException | CancelledException e) {
      try {
        staging.clear();
      } catch (IOException again) {
        e.addSuppressed(again); // left-over copies are cleared at the next open
      }
      throw e;
    }
  }

  private static Plan described(Plan p, String description) {
    return description.isEmpty()
        ? p
        : new Plan(
            p.id(),
            p.kind(),
            description,
            p.targetOp(),
            p.steps(),
            p.createdDirs(),
            p.removeIfEmpty(),
            p.messages());
  }
}

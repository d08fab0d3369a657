package org.databoost.workspace;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans undo and redo as ordinary operations. Undo reverses the steps of whichever operation last
 * put the edit on disk (the edit or its latest redo); redo reverses the steps of the undo. Files an
 * add brought in go to the trash when it is undone, never back to staging (which is emptied).
 */
final class UndoPlanner {
  private final WorkspacePaths paths;
  private final Journal journal;
  private final Planner planner;

  UndoPlanner(WorkspacePaths paths, Journal journal, Planner planner) {
    this.paths = paths;
    this.journal = journal;
    this.planner = planner;
  }

  Plan undo(long id) throws InvalidEditException, SQLException {
    return undo(id, -1);
  }

  /** Undo, provided the edit it would reverse is {@code expected} (any edit when negative). */
  Plan undo(long id, long expected) throws InvalidEditException, SQLException {
    long target =
        journal
            .undoTarget()
            .orElseThrow(() -> new InvalidEditException("There is nothing to undo."));
    if (expected >= 0 && target != expected) {
      throw new InvalidEditException(
          "Edit #"
              + expected
              + " is no longer the newest edit (#"
              + target
              + " is), so it is not"
              + " undone automatically; undo it from the history.");
    }
    long applier = journal.lastApplier(target);
    return reverse(
        id,
        OpKind.UNDO,
        target,
        "Undo: " + journal.description(target),
        applier,
        journal.dirs(applier, Journal.CREATED));
  }

  Plan redo(long id) throws InvalidEditException, SQLException {
    long target =
        journal
            .redoTarget()
            .orElseThrow(() -> new InvalidEditException("There is nothing to redo."));
    long undoer =
        journal
            .lastUndoer(target)
            .orElseThrow(() -> new IllegalStateException("undone edit " + target + " has no undo"));
    return reverse(
        id,
        OpKind.REDO,
        target,
        "Redo: " + journal.description(target),
        undoer,
        journal.dirs(undoer, Journal.CREATED));
  }

  private Plan reverse(
      long id, OpKind kind, long target, String description, long source, List<String> tidy)
      throws SQLException {
    List<Step> original = new ArrayList<>(journal.steps(source));
    Collections.reverse(original);
    FreeNames free = new FreeNames(paths);
    Set<String> created = new LinkedHashSet<>();
    List<Step> steps = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (Step s : original) {
      if (!Files.exists(paths.resolve(s.dst()), LinkOption.NOFOLLOW_LINKS)) {
        messages.add(s.dst() + " is no longer there, so it was not moved back.");
        continue;
      }
      String wanted = WorkspacePaths.isStaging(s.src()) ? paths.trashPath(id, s.dst()) : s.src();
      String dst = planner.claim(free, wanted, created, messages);
      steps.add(new Step(steps.size(), s.dst(), dst, s.hash(), s.size(), s.provenance()));
      free.release(s.dst()); // a replacement's original comes back where its new version was
    }
    return new Plan(id, kind, description, target, steps, List.copyOf(created), tidy, messages);
  }
}

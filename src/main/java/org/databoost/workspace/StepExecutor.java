package org.databoost.workspace;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.databoost.dataset.ContentHash;
import org.databoost.dataset.DatasetLayout;

/**
 * Carries out single steps, judging each by what is on disk, so the same code serves a normal run,
 * a rollback and recovery after a crash. A move never overwrites: a taken destination gets a free
 * name, recorded in the journal before the file moves.
 */
final class StepExecutor {
  enum Outcome {
    /** The file was moved now. */
    MOVED,
    /** The file was already where the step wants it (a crash happened after this move). */
    ALREADY,
    /** The wanted place was taken; the file went to a free name, recorded in the step. */
    RENAMED,
    /** Neither end exists: the file was removed outside Databoost. */
    LOST
  }

  record Result(Step step, Outcome outcome) {}

  private final WorkspacePaths paths;
  private final CatalogDatabase db;
  private final Journal journal;
  private final StepHook hook;
  private final Containment containment;

  StepExecutor(WorkspacePaths paths, CatalogDatabase db, Journal journal, StepHook hook) {
    this.paths = paths;
    this.db = db;
    this.journal = journal;
    this.hook = hook;
    this.containment = new Containment(paths.layout().root());
  }

  /**
   * Refuses steps of which any end would leave the dataset (through a link, or {@code ..}); all of
   * them are checked before the first file moves.
   */
  void checkInside(List<Step> steps, String what) throws InvalidEditException {
    List<String> all = new ArrayList<>(steps.size() * 2);
    for (Step s : steps) {
      all.add(s.src());
      all.add(s.dst());
    }
    containment.checkAll(all, what);
  }

  StepHook hook() {
    return hook;
  }

  /** Brings the step to its done state: the file at {@code dst}. */
  Result forward(long opId, Step s) throws IOException, SQLException {
    boolean hasSrc = exists(s.src());
    boolean hasDst = exists(s.dst());
    if (hasSrc && !hasDst) {
      move(opId, s, s.src(), s.dst());
      return new Result(s, Outcome.MOVED);
    }
    if (hasDst && !hasSrc) {
      return new Result(s, Outcome.ALREADY);
    }
    if (!hasSrc) {
      return new Result(s, Outcome.LOST);
    }
    if (holdsStepsFile(s.dst(), s) && !holdsStepsFile(s.src(), s)) {
      // A plan that reuses a path (a replacement: the original leaves, the new version comes) left
      // another file at src after this step was done.
      return new Result(s, Outcome.ALREADY);
    }
    Step renamed = s.withDst(new FreeNames(paths).claim(s.dst()));
    db.transaction(
        () -> {
          journal.updateStep(opId, renamed);
          return null;
        });
    move(opId, renamed, renamed.src(), renamed.dst());
    return new Result(renamed, Outcome.RENAMED);
  }

  /** Brings the step back to its planned-but-not-done state: the file at {@code src}. */
  Result backward(long opId, Step s) throws IOException, SQLException {
    boolean hasSrc = exists(s.src());
    boolean hasDst = exists(s.dst());
    if (hasDst && !hasSrc) {
      move(opId, s, s.dst(), s.src());
      return new Result(s, Outcome.MOVED);
    }
    if (hasSrc && !hasDst) {
      return new Result(s, Outcome.ALREADY);
    }
    if (!hasDst) {
      return new Result(s, Outcome.LOST);
    }
    if (holdsStepsFile(s.src(), s) && !holdsStepsFile(s.dst(), s)) {
      return new Result(s, Outcome.ALREADY); // as in forward: another file took dst since
    }
    Step renamed = s.withSrc(new FreeNames(paths).claim(s.src()));
    db.transaction(
        () -> {
          journal.updateStep(opId, renamed);
          return null;
        });
    move(opId, renamed, renamed.dst(), renamed.src());
    return new Result(renamed, Outcome.RENAMED);
  }

  private void move(long opId, Step s, String from, String to) throws IOException {
    hook.beforeMove(opId, new Step(s.seq(), from, to, s.hash(), s.size(), s.provenance()));
    containment.checkMove(from);
    containment.checkMove(to);
    Path target = paths.resolve(to);
    Files.createDirectories(target.getParent());
    // rename(2) would replace a file that appeared since the check above; only another program
    // could have put it there while we hold the lock, so the window is accepted.
    Files.move(paths.resolve(from), target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Whether the file at {@code relative} has the content the step moves. */
  private boolean holdsStepsFile(String relative, Step s) throws IOException {
    return s.hash() != null && s.hash().equals(ContentHash.of(paths.resolve(relative)));
  }

  private boolean exists(String relative) {
    return Files.exists(paths.resolve(relative), LinkOption.NOFOLLOW_LINKS);
  }

  /** Removes those of the folders that are empty, deepest first; never touches a file. */
  void removeEmptyDirs(List<String> dirs) throws IOException {
    List<String> ordered = new ArrayList<>(dirs);
    ordered.sort(Comparator.comparingInt(String::length).reversed());
    for (String d : ordered) {
      if (containment.judge(d + "/-").isPresent()) {
        continue; // never tidy a folder reached through a link
      }
      removeIfEmpty(paths.resolve(d));
    }
  }

  /**
   * Tidies the trash and staging folders the steps emptied, so restored trash leaves no empty
   * folder chains behind.
   */
  void pruneStateDirs(List<Step> steps) throws IOException {
    Path stateRoot = paths.resolve(DatasetLayout.STATE_DIR);
    for (Step s : steps) {
      if ((WorkspacePaths.isTrash(s.src()) || WorkspacePaths.isStaging(s.src()))
          && containment.judge(s.src()).isEmpty()) {
        Path dir = paths.resolve(s.src()).getParent();
        while (dir.getNameCount() > stateRoot.getNameCount() + 1 && removeIfEmpty(dir)) {
          dir = dir.getParent();
        }
      }
    }
  }

  private static boolean removeIfEmpty(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (var children = Files.list(dir)) {
      if (children.findAny().isPresent()) {
        return false;
      }
    }
    try {
      Files.delete(dir);
      return true;
    } catch (DirectoryNotEmptyException e) {
      return false;
    }
  }
}

package org.databoost.workspace;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.databoost.task.Progress;

/**
 * Runs a planned operation write-ahead: commit the intent, move the files, then one transaction
 * moves the catalog rows and marks the operation done. A failed move rolls back the moves already
 * made. Recovery uses the same roll-forward and roll-back paths.
 */
final class OperationRunner {
  private final CatalogDatabase db;
  private final Catalog catalog;
  private final Journal journal;
  private final StepExecutor executor;
  private final Clock clock;

  OperationRunner(
      CatalogDatabase db, Catalog catalog, Journal journal, StepExecutor executor, Clock clock) {
    this.db = db;
    this.catalog = catalog;
    this.journal = journal;
    this.executor = executor;
    this.clock = clock;
  }

  OperationResult run(Plan plan, Progress progress) throws WorkspaceException, SQLException {
    // The last point where cancelling is honoured: once the intent is committed the batch
    // completes, so a cancel never leaves half an operation.
    progress.checkCancelled();
    executor.checkInside(plan.steps(), plan.description());
    db.transaction(
        () -> {
          journal.insert(plan, clock.instant());
          return null;
        });
    List<String> messages = new ArrayList<>(plan.messages());
    List<Step> done;
    try {
      done = moveForward(plan.id(), plan.steps(), plan.removeIfEmpty(), messages, progress);
    } catch (IOException e) {
      throw rollBackAfter(plan, e);
    }
    finish(plan.id(), plan.kind(), plan.targetOp(), plan.steps(), done);
    List<String> finalPaths = done.stream().map(Step::dst).toList();
    return new OperationResult(plan.id(), plan.kind(), done.size(), finalPaths, messages);
  }

  /** Completes an operation whose intent was committed, from whatever state the disk is in. */
  List<String> rollForward(Journal.Pending op) throws IOException, SQLException {
    List<Step> steps = journal.steps(op.id());
    List<String> messages = new ArrayList<>();
    List<Step> done =
        moveForward(
            op.id(),
            steps,
            journal.dirs(op.id(), Journal.REMOVE_IF_EMPTY),
            messages,
            Progress.NONE);
    finish(op.id(), op.kind(), op.targetOp(), steps, done);
    return messages;
  }

  /** Undoes whatever moves of the operation are done and marks it failed. */
  List<String> rollBack(long opId, String reason) throws IOException, SQLException {
    List<String> messages = new ArrayList<>();
    List<Step> steps = new ArrayList<>(journal.steps(opId));
    Collections.reverse(steps);
    for (Step s : steps) {
      StepExecutor.Result r = executor.backward(opId, s);
      if (r.outcome() == StepExecutor.Outcome.LOST) {
        messages.add(s.dst() + " disappeared while its move was being undone.");
      } else if (r.outcome() == StepExecutor.Outcome.RENAMED) {
        messages.add(s.src() + " was taken; the file was put back as " + r.step().src() + ".");
      }
    }
    executor.removeEmptyDirs(journal.dirs(opId, Journal.CREATED));
    db.transaction(
        () -> {
          journal.setStatus(opId, OpStatus.FAILED, reason, clock.instant());
          return null;
        });
    return messages;
  }

  /**
   * For an operation found in the journal (recovery, rollback): when a step would leave the
   * dataset, marks it failed without moving any of its files and says why; the journal was altered
   * outside Databoost.
   */
  Optional<String> refusal(Journal.Pending op) throws SQLException {
    long opId = op.id();
    try {
      executor.checkInside(journal.steps(opId), "Finishing \"" + op.description() + "\"");
      return Optional.empty();
    } catch (InvalidEditException e) {
      String reason = e.getMessage() + " The edit is marked failed.";
      db.transaction(
          () -> {
            journal.setStatus(opId, OpStatus.FAILED, reason, clock.instant());
            return null;
          });
      return Optional.of(reason);
    }
  }

  private List<Step> moveForward(
      long opId,
      List<Step> steps,
      List<String> dirsToTidy,
      List<String> messages,
      Progress progress)
      throws IOException, SQLException {
    List<Step> done = new ArrayList<>();
    int n = 0;
    for (Step s : steps) {
      StepExecutor.Result r = executor.forward(opId, s);
      switch (r.outcome()) {
        case LOST -> messages.add(s.src() + " was removed outside Databoost; it was not moved.");
        case RENAMED ->
            messages.add(s.dst() + " was taken; the file went to " + r.step().dst() + " instead.");
        default -> {}
      }
      if (r.outcome() != StepExecutor.Outcome.LOST) {
        done.add(r.step());
      }
      progress.update("Moving files", ++n, steps.size());
    }
    executor.removeEmptyDirs(dirsToTidy);
    executor.hook().beforeFinish(opId);
    return done;
  }

  private void finish(long opId, OpKind kind, long targetOp, List<Step> planned, List<Step> done)
      throws SQLException {
    java.util.Set<Integer> moved = new java.util.HashSet<>();
    done.forEach(s -> moved.add(s.seq()));
    List<Step> skipped = planned.stream().filter(s -> !moved.contains(s.seq())).toList();
    db.transaction(
        () -> {
          journal.dropSteps(opId, skipped);
          for (Step s : skipped) {
            catalog.remove(s.src()); // its file was removed outside Databoost
          }
          catalog.applyMoves(opId, done);
          journal.settle(opId, kind, targetOp);
          journal.setStatus(opId, OpStatus.DONE, null, clock.instant());
          return null;
        });
    try {
      executor.pruneStateDirs(done);
    } catch (IOException e) {
      // Only tidying of empty folders under .databoost; the operation itself is complete.
    }
  }

  private WorkspaceException rollBackAfter(Plan plan, IOException cause) throws SQLException {
    String reason = describe(cause);
    db.transaction(
        () -> {
          journal.setStatus(plan.id(), OpStatus.ROLLING_BACK, reason, clock.instant());
          return null;
        });
    try {
      rollBack(plan.id(), reason);
    } catch (IOException | SQLException again) {
      return new WorkspaceException(
          plan.description()
              + " failed ("
              + reason
              + "), and moving the files back failed too ("
              + describe(again)
              + "). Close and reopen the dataset to finish putting them back.",
          cause);
    }
    return new WorkspaceException(
        plan.description()
            + " failed ("
            + reason
            + "). Every file already moved was moved back: the dataset is as it was before.",
        cause);
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}

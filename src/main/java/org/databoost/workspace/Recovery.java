package org.databoost.workspace;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finishes what a crash interrupted, before anything else touches the workspace: an operation whose
 * intent was committed is completed; one that was rolling back is rolled back to the end. Then
 * staging is emptied of copies no committed operation refers to.
 */
final class Recovery {
  private final Journal journal;
  private final OperationRunner runner;
  private final Staging staging;

  Recovery(Journal journal, OperationRunner runner, Staging staging) {
    this.journal = journal;
    this.runner = runner;
    this.staging = staging;
  }

  /** Returns lines for the user describing what was done. */
  List<String> run() throws IOException, SQLException {
    List<String> report = new ArrayList<>();
    Optional<Journal.Pending> pending;
    while ((pending = journal.unfinished()).isPresent()) {
      Journal.Pending op = pending.get();
      Optional<String> refused = runner.refusal(op);
      if (refused.isPresent()) {
        report.add(refused.get());
      } else if (op.status() == OpStatus.PENDING) {
        report.addAll(runner.rollForward(op));
        report.add(
            "Databoost stopped during \"" + op.description() + "\"; it has now been completed.");
      } else {
        report.addAll(runner.rollBack(op.id(), "interrupted, then rolled back"));
        report.add(
            "Databoost stopped while undoing the failed \""
                + op.description()
                + "\"; the dataset is now as it was before it.");
      }
    }
    long stale = staging.count();
    staging.clear();
    if (stale > 0) {
      report.add(
          "Removed "
              + stale
              + " partly added file(s) from staging; the add they belonged to never started.");
    }
    return report;
  }
}

package org.databoost.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit that fails on a full disk ends SQLite's transaction by itself; the rollback after it
 * then fails with "no transaction is active". The user must hear of the full disk, not of that.
 */
class CatalogDatabaseTest {
  @TempDir Path state;

  @Test
  void aFailedTransactionIsReportedByItsCauseNotByTheRollbackThatFollows() throws Exception {
    try (CatalogDatabase db = CatalogDatabase.open(state, new ArrayList<>())) {
      SQLException full =
          new SQLException("[SQLITE_FULL] Insertion failed (database or disk is full)", null, 13);
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  db.transaction(
                      () -> {
                        try (Statement s = db.connection().createStatement()) {
                          s.execute("ROLLBACK"); // as SQLite does itself when a commit fails
                        }
                        throw full;
                      }));
      assertSame(full, e);
      assertTrue(e.getSuppressed().length > 0, "the failed rollback is kept, not shown");
      assertTrue(db.connection().getAutoCommit(), "the connection is usable again");
      assertEquals(7, (int) db.transaction(() -> 7));
    }
  }
}

package org.databoost.workspace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** SQLite's failures reach the user as a cause they can act on, with the raw text kept. */
class CatalogErrorsTest {
  private static final Path STATE = Path.of("/data/set/.databoost");

  @Test
  void aFullDiskIsCalledAFullDisk() {
    for (SQLException e :
        new SQLException[] {
          new SQLException(
              "[SQLITE_IOERR_SHMSIZE] Some kind of disk I/O error occurred (disk I/O error)",
              null,
              4874),
          new SQLException("[SQLITE_FULL] Insertion failed (database or disk is full)", null, 13)
        }) {
      String m = CatalogErrors.describe(e, STATE);
      assertTrue(m.startsWith("the disk holding " + STATE + " is full"), m);
      assertTrue(m.contains("SQLITE_"), "the raw text is kept: " + m);
    }
  }

  @Test
  void aReadOnlyCatalogAndOtherIoErrorsAreNamed() {
    String ro =
        CatalogErrors.describe(
            new SQLException("[SQLITE_READONLY] attempt to write a readonly database", null, 8),
            STATE);
    assertTrue(ro.startsWith(STATE + " cannot be written"), ro);
    String io =
        CatalogErrors.describe(
            new SQLException("[SQLITE_IOERR_WRITE] disk I/O error", null, 778), STATE);
    assertTrue(io.contains("failed to read or write"), io);
  }
}

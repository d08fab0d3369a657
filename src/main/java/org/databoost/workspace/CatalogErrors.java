package org.databoost.workspace;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/**
 * SQLite's failures told in the user's terms: a full disk, a folder that cannot be written, a
 * catalog another program holds, rather than "[SQLITE_IOERR_SHMSIZE] disk I/O error".
 */
final class CatalogErrors {
  private CatalogErrors() {}

  /** A plain sentence for {@code e}, naming the state folder; the raw text goes in brackets. */
  static String describe(SQLException e, Path stateDir) {
    String raw = String.valueOf(e.getMessage());
    String upper = raw.toUpperCase(Locale.ROOT);
    int primary = e.getErrorCode() & 0xff;
    String plain;
    if (primary == 13
        || upper.contains("SQLITE_FULL")
        || upper.contains("SHMSIZE")
        || upper.contains("DATABASE OR DISK IS FULL")) {
      plain = "the disk holding " + stateDir + " is full. Free some space and try again";
    } else if (primary == 8
        || primary == 3
        || upper.contains("SQLITE_READONLY")
        || upper.contains("SQLITE_PERM")) {
      plain =
          stateDir
              + " cannot be written (read-only or no permission). Make it writable, or open the"
              + " dataset read-only";
    } else if (primary == 14 || upper.contains("SQLITE_CANTOPEN")) {
      plain = "the catalog in " + stateDir + " cannot be opened (missing folder or no permission)";
    } else if (primary == 10 || upper.contains("SQLITE_IOERR")) {
      plain =
          "the disk holding "
              + stateDir
              + " failed to read or write (it may be full, removed or failing). Check it, free some"
              + " space and try again";
    } else if (primary == 5 || primary == 6 || upper.contains("SQLITE_BUSY")) {
      plain = "another program is using the catalog in " + stateDir + ". Close it and try again";
    } else {
      return raw;
    }
    return plain + " (" + raw + ")";
  }
}

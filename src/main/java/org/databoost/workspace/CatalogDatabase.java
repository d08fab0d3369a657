package org.databoost.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The SQLite file {@code catalog.sqlite} that holds both the catalog and the journal, so that one
 * transaction can move image rows and mark an operation done. A damaged file is moved aside, never
 * deleted, and a fresh one is built.
 */
final class CatalogDatabase implements AutoCloseable {
  static final String FILE = "catalog.sqlite";

  /** Schema migrations; entry i brings user_version i to i + 1. Append only. */
  private static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              """
              CREATE TABLE images (
                path TEXT PRIMARY KEY,
                split TEXT,
                label TEXT NOT NULL,
                trashed INTEGER NOT NULL,
                hash TEXT NOT NULL,
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,
                added_by_op INTEGER,
                provenance TEXT)""",
              "CREATE INDEX images_hash ON images(hash)",
              """
              CREATE TABLE operations (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                description TEXT NOT NULL,
                target_op INTEGER NOT NULL DEFAULT 0,
                started_at INTEGER NOT NULL,
                finished_at INTEGER,
                undone INTEGER NOT NULL DEFAULT 0,
                redo_cleared INTEGER NOT NULL DEFAULT 0,
                message TEXT)""",
              """
              CREATE TABLE steps (
                op_id INTEGER NOT NULL REFERENCES operations(id),
                seq INTEGER NOT NULL,
                src TEXT NOT NULL,
                dst TEXT NOT NULL,
                hash TEXT NOT NULL,
                size INTEGER NOT NULL,
                provenance TEXT,
                PRIMARY KEY (op_id, seq))""",
              """
              CREATE TABLE op_dirs (
                op_id INTEGER NOT NULL REFERENCES operations(id),
                path TEXT NOT NULL,
                role TEXT NOT NULL,
                PRIMARY KEY (op_id, path, role))"""),
          List.of(
              """
              CREATE TABLE runs (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                finished_at INTEGER NOT NULL,
                labels TEXT NOT NULL,
                parameters TEXT NOT NULL,
                metrics TEXT NOT NULL,
                epochs TEXT NOT NULL)""",
              """
              CREATE TABLE predictions (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                path TEXT NOT NULL,
                hash TEXT NOT NULL,
                split TEXT NOT NULL,
                given INTEGER NOT NULL,
                predicted INTEGER NOT NULL,
                loss REAL NOT NULL,
                probabilities BLOB NOT NULL,
                fold INTEGER NOT NULL,
                in_sample INTEGER NOT NULL,
                issue TEXT NOT NULL,
                suggested INTEGER NOT NULL,
                quality REAL NOT NULL,
                PRIMARY KEY (run_id, path))"""),
          List.of(
              """
              CREATE TABLE image_facts (
                embedder TEXT NOT NULL,
                hash TEXT NOT NULL,
                duplicate_group INTEGER NOT NULL,
                outlier REAL NOT NULL,
                PRIMARY KEY (embedder, hash))"""),
          List.of(
              """
              CREATE TABLE projections (
                id INTEGER PRIMARY KEY,
                created_at INTEGER NOT NULL,
                embedder TEXT NOT NULL,
                parameters TEXT NOT NULL)""",
              """
              CREATE TABLE projection_points (
                projection_id INTEGER NOT NULL REFERENCES projections(id),
                path TEXT NOT NULL,
                hash TEXT NOT NULL,
                x REAL NOT NULL,
                y REAL NOT NULL,
                PRIMARY KEY (projection_id, path))"""),
          List.of("ALTER TABLE predictions ADD COLUMN judges TEXT NOT NULL DEFAULT ''"),
          List.of(
              """
              CREATE TABLE kept_labels (
                hash TEXT NOT NULL,
                label TEXT NOT NULL,
                kept_at INTEGER NOT NULL,
                PRIMARY KEY (hash, label))"""));

  static final int SCHEMA_VERSION = MIGRATIONS.size();

  /** Work done inside one transaction. */
  interface Work<T> {
    T run() throws SQLException;
  }

  private final Connection connection;
  private final boolean fresh;

  private CatalogDatabase(Connection connection, boolean fresh) {
    this.connection = connection;
    this.fresh = fresh;
  }

  /**
   * Opens (creating or migrating) the catalog in the state folder; a damaged file is moved aside
   * and the fact added to {@code report}.
   */
  static CatalogDatabase open(Path stateDir, List<String> report) throws WorkspaceException {
    Path file = stateDir.resolve(FILE);
    boolean existed = Files.exists(file);
    boolean usedBefore = existed || usedBefore(stateDir);
    try {
      CatalogDatabase db = connect(file, !existed);
      if (db.fresh && usedBefore) {
        report.add(
            "The catalog "
                + file
                + (existed ? " was empty" : " was missing")
                + ", so it was rebuilt from the files on disk: the undo history and the saved model"
                + " runs are gone (no image was changed; files in the trash are kept).");
      }
      return db;
    } catch (SQLException e) {
      if (!isDamage(e)) {
        throw new WorkspaceException(
            "Cannot open the catalog " + file + ": " + CatalogErrors.describe(e, stateDir), e);
      }
      Path aside = moveAside(stateDir);
      report.add(
          "The catalog was damaged ("
              + e.getMessage()
              + "); it was kept as "
              + aside.getFileName()
              + " and rebuilt from the files on disk. The undo history and saved model runs were lost.");
      try {
        return connect(file, true);
      } catch (SQLException again) {
        throw new WorkspaceException(
            "Cannot create a new catalog " + file + ": " + again.getMessage(), again);
      }
    }
  }

  /**
   * Whether Databoost worked on this dataset before: the state folder holds more than the lock it
   * has just taken (a trash, staging, embeddings, a catalog's write-ahead log).
   */
  private static boolean usedBefore(Path stateDir) {
    try (var entries = Files.list(stateDir)) {
      return entries.anyMatch(p -> !p.getFileName().toString().equals("lock"));
    } catch (IOException e) {
      return false;
    }
  }

  private static CatalogDatabase connect(Path file, boolean fresh) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
        // WAL with full sync: a committed intent survives a power cut before any file moves.
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = FULL");
        try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
          String verdict = rs.next() ? rs.getString(1) : "no answer";
          if (!"ok".equals(verdict)) {
            throw new SQLException("integrity check failed: " + verdict, "", 11);
          }
        }
      }
      boolean migratedFromEmpty = migrate(c);
      return new CatalogDatabase(c, fresh || migratedFromEmpty);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Applies the missing migrations; true when the file had no schema at all. */
  private static boolean migrate(Connection c) throws SQLException {
    int version;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      version = rs.next() ? rs.getInt(1) : 0;
    }
    if (version > SCHEMA_VERSION) {
      throw new SQLException(
          "the catalog was written by a newer Databoost (schema "
              + version
              + ", this version knows "
              + SCHEMA_VERSION
              + ")");
    }
    boolean wasEmpty = version == 0;
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (int v = version; v < SCHEMA_VERSION; v++) {
        for (String sql : MIGRATIONS.get(v)) {
          s.execute(sql);
        }
        s.execute("PRAGMA user_version = " + (v + 1));
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
    return wasEmpty;
  }

  private static boolean isDamage(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    return primary == 11 /* SQLITE_CORRUPT */ || primary == 26 /* SQLITE_NOTADB */;
  }

  /** Renames the damaged file and its WAL companions, so a stale WAL is never replayed. */
  private static Path moveAside(Path stateDir) throws WorkspaceException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    Path aside = stateDir.resolve("catalog.corrupt-" + stamp + ".sqlite");
    try {
      Files.move(stateDir.resolve(FILE), aside);
      for (String suffix : List.of("-wal", "-shm")) {
        Path companion = stateDir.resolve(FILE + suffix);
        if (Files.exists(companion)) {
          Files.move(companion, stateDir.resolve(aside.getFileName() + suffix));
        }
      }
    } catch (IOException e) {
      throw new WorkspaceException(
          "The catalog in " + stateDir + " is damaged and cannot be moved aside: " + e, e);
    }
    return aside;
  }

  Connection connection() {
    return connection;
  }

  /** Whether the catalog was just created (or rebuilt) and is to be filled from the disk. */
  boolean isFresh() {
    return fresh;
  }

  <T> T transaction(Work<T> work) throws SQLException {
    connection.setAutoCommit(false);
    T result;
    try {
      result = work.run();
      connection.commit();
    } catch (SQLException | RuntimeException | Error e) {
      // After a failed commit (a full disk) SQLite may have ended the transaction itself; the
      // follow-up "no transaction is active" must not hide the real cause.
      try {
        connection.rollback();
      } catch (SQLException again) {
        e.addSuppressed(again);
      }
      try {
        connection.setAutoCommit(true);
      } catch (SQLException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    connection.setAutoCommit(true);
    return result;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

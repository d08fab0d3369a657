package org.databoost.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The write-ahead journal: every operation with all its planned steps, its status and its place on
 * the undo and redo stacks. The undo stack is the user edits that are done and not undone (top: the
 * newest); the redo stack is the undone ones no later edit has cleared (top: the oldest).
 */
final class Journal {
  static final String CREATED = "created";
  static final String REMOVE_IF_EMPTY = "remove_if_empty";

  /** An unfinished operation found when opening. */
  record Pending(long id, OpKind kind, OpStatus status, String description, long targetOp) {}

  private final Connection connection;

  Journal(Connection connection) {
    this.connection = connection;
  }

  /** The id the next operation gets; safe because only the lock holder writes. */
  long nextId() throws SQLException {
    return longQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM operations").orElse(1);
  }

  /** Records the plan as a pending operation; call inside a transaction. */
  void insert(Plan plan, Instant now) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO operations (id, kind, status, description, target_op, started_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, plan.id());
      ps.setString(2, plan.kind().name());
      ps.setString(3, OpStatus.PENDING.name());
      ps.setString(4, plan.description());
      ps.setLong(5, plan.targetOp());
      ps.setLong(6, now.toEpochMilli());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO steps (op_id, seq, src, dst, hash, size, provenance)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Step s : plan.steps()) {
        ps.setLong(1, plan.id());
        ps.setInt(2, s.seq());
        ps.setString(3, s.src());
        ps.setString(4, s.dst());
        ps.setString(5, s.hash());
        ps.setLong(6, s.size());
        ps.setString(7, s.provenance());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    insertDirs(plan.id(), plan.createdDirs(), CREATED);
    insertDirs(plan.id(), plan.removeIfEmpty(), REMOVE_IF_EMPTY);
  }

  private void insertDirs(long opId, List<String> dirs, String role) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT OR IGNORE INTO op_dirs (op_id, path, role) VALUES (?, ?, ?)")) {
      for (String d : dirs) {
        ps.setLong(1, opId);
        ps.setString(2, d);
        ps.setString(3, role);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  Optional<Pending> unfinished() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, kind, status, description, target_op FROM operations"
                    + " WHERE status IN ('PENDING', 'ROLLING_BACK') ORDER BY id LIMIT 1")) {
      return rs.next()
          ? Optional.of(
              new Pending(
                  rs.getLong(1),
                  OpKind.valueOf(rs.getString(2)),
                  OpStatus.valueOf(rs.getString(3)),
                  rs.getString(4),
                  rs.getLong(5)))
          : Optional.empty();
    }
  }

  List<Step> steps(long opId) throws SQLException {
    List<Step> out = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT seq, src, dst, hash, size, provenance FROM steps WHERE op_id = ? ORDER BY seq")) {
      ps.setLong(1, opId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Step(
                  rs.getInt(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getLong(5),
                  rs.getString(6)));
        }
      }
    }
    return out;
  }

  List<String> dirs(long opId, String role) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT path FROM op_dirs WHERE op_id = ? AND role = ? ORDER BY path")) {
      ps.setLong(1, opId);
      ps.setString(2, role);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Records that a step's file went to another name (its planned one was taken). */
  void updateStep(long opId, Step step) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE steps SET src = ?, dst = ? WHERE op_id = ? AND seq = ?")) {
      ps.setString(1, step.src());
      ps.setString(2, step.dst());
      ps.setLong(3, opId);
      ps.setInt(4, step.seq());
      ps.executeUpdate();
    }
  }

  /**
   * Forgets steps that moved nothing (their file was removed outside Databoost before its move), so
   * that the history counts the files the edit really moved and undo never looks for them.
   */
  void dropSteps(long opId, List<Step> skipped) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM steps WHERE op_id = ? AND seq = ?")) {
      for (Step s : skipped) {
        ps.setLong(1, opId);
        ps.setInt(2, s.seq());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  void setStatus(long opId, OpStatus status, String message, Instant now) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE operations SET status = ?, message = ?, finished_at = ? WHERE id = ?")) {
      ps.setString(1, status.name());
      ps.setString(2, message);
      if (status == OpStatus.DONE || status == OpStatus.FAILED) {
        ps.setLong(3, now.toEpochMilli());
      } else {
        ps.setNull(3, Types.INTEGER);
      }
      ps.setLong(4, opId);
      ps.executeUpdate();
    }
  }

  /**
   * The bookkeeping of a finished operation, inside the transaction that marks it done: undo and
   * redo flip their target; a new user edit empties the redo stack.
   */
  void settle(long opId, OpKind kind, long targetOp) throws SQLException {
    if (kind == OpKind.UNDO || kind == OpKind.REDO) {
      update(
          "UPDATE operations SET undone = ? WHERE id = ?", kind == OpKind.UNDO ? 1 : 0, targetOp);
    } else {
      update("UPDATE operations SET redo_cleared = 1 WHERE undone = 1 AND id <> ?", opId);
    }
  }

  OptionalLong undoTarget() throws SQLException {
    return longQuery(
        "SELECT MAX(id) FROM operations WHERE status = 'DONE' AND undone = 0"
            + " AND kind NOT IN ('UNDO', 'REDO')");
  }

  OptionalLong redoTarget() throws SQLException {
    return longQuery(
        "SELECT MIN(id) FROM operations WHERE status = 'DONE' AND undone = 1 AND redo_cleared = 0"
            + " AND kind NOT IN ('UNDO', 'REDO')");
  }

  /** The operation whose steps last put the target's effect on disk: itself or its latest redo. */
  long lastApplier(long target) throws SQLException {
    return longQuery(
            "SELECT MAX(id) FROM operations WHERE status = 'DONE' AND kind = 'REDO'"
                + " AND target_op = "
                + target)
        .orElse(target);
  }

  /** The latest undo of the target. */
  OptionalLong lastUndoer(long target) throws SQLException {
    return longQuery(
        "SELECT MAX(id) FROM operations WHERE status = 'DONE' AND kind = 'UNDO' AND target_op = "
            + target);
  }

  String description(long opId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT description FROM operations WHERE id = ?")) {
      ps.setLong(1, opId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "operation " + opId;
      }
    }
  }

  List<HistoryEntry> history() throws SQLException {
    List<HistoryEntry> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT o.id, o.kind, o.status, o.started_at, o.finished_at,"
                    + " (SELECT COUNT(*) FROM steps WHERE op_id = o.id), o.description,"
                    + " o.target_op, o.undone, o.message FROM operations o ORDER BY o.id")) {
      while (rs.next()) {
        long finished = rs.getLong(5);
        boolean hasFinished = !rs.wasNull();
        long target = rs.getLong(8);
        out.add(
            new HistoryEntry(
                rs.getLong(1),
                OpKind.valueOf(rs.getString(2)),
                OpStatus.valueOf(rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)),
                hasFinished ? Optional.of(Instant.ofEpochMilli(finished)) : Optional.empty(),
                rs.getInt(6),
                rs.getString(7),
                target == 0 ? OptionalLong.empty() : OptionalLong.of(target),
                rs.getInt(9) != 0,
                Optional.ofNullable(rs.getString(10))));
      }
    }
    return out;
  }

  private void update(String sql, long... args) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setLong(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  private OptionalLong longQuery(String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (rs.next()) {
        long v = rs.getLong(1);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
      }
      return OptionalLong.empty();
    }
  }
}

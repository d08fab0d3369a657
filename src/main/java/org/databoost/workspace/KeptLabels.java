package org.databoost.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Labels the user has looked at and kept although a run flagged them: "this drawing is right under
 * this label". Kept by content and label, so a mark survives new runs, a move to another split and
 * a reopened dataset, and no longer applies once the image is relabelled or its bytes change. Like
 * runs, these are not dataset edits: a read-only dataset keeps them too.
 */
public final class KeptLabels {
  /** One image content kept under one label. */
  public record Key(String hash, String label) {}

  private final Connection connection;

  KeptLabels(Connection connection) {
    this.connection = connection;
  }

  /** Keeps these labels (those kept already stay), in one transaction. */
  public synchronized void keep(Collection<Key> keys) throws WorkspaceException {
    write(
        keys,
        "INSERT OR IGNORE INTO kept_labels (hash, label, kept_at) VALUES (?, ?, ?)",
        System.currentTimeMillis());
  }

  /** Takes these marks back, so that the runs' flags show again. */
  public synchronized void release(Collection<Key> keys) throws WorkspaceException {
    write(keys, "DELETE FROM kept_labels WHERE hash = ? AND label = ?", null);
  }

  /** Every kept label. */
  public synchronized Set<Key> load() throws WorkspaceException {
    Set<Key> out = new HashSet<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT hash, label FROM kept_labels");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Key(rs.getString(1), rs.getString(2)));
      }
    } catch (SQLException e) {
      throw new WorkspaceException("The kept labels could not be read: " + e.getMessage(), e);
    }
    return out;
  }

  /** Runs {@code sql} once per key (hash, label and, when given, the time) in one transaction. */
  private void write(Collection<Key> keys, String sql, Long keptAt) throws WorkspaceException {
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        for (Key k : keys) {
          ps.setString(1, k.hash());
          ps.setString(2, k.label());
          if (keptAt != null) {
            ps.setLong(3, keptAt);
          }
          ps.addBatch();
        }
        ps.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new WorkspaceException("The kept labels could not be saved: " + e.getMessage(), e);
    }
  }
}

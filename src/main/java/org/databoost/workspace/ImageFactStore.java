package org.databoost.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Near-duplicate groups and outlier scores per image content and embedder, replaced as a whole each
 * time they are computed. Like runs, these are not dataset edits: read-only datasets keep them too.
 */
public final class ImageFactStore {
  private final Connection connection;

  ImageFactStore(Connection connection) {
    this.connection = connection;
  }

  /** Replaces the facts of this embedder in one transaction. */
  public synchronized void replace(String embedder, List<ImageFact> facts)
      throws WorkspaceException {
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement del =
              connection.prepareStatement("DELETE FROM image_facts WHERE embedder = ?");
          PreparedStatement ins =
              connection.prepareStatement(
                  "INSERT OR REPLACE INTO image_facts (embedder, hash, duplicate_group, outlier)"
                      + " VALUES (?, ?, ?, ?)")) {
        del.setString(1, embedder);
        del.executeUpdate();
        for (ImageFact f : facts) {
          ins.setString(1, embedder);
          ins.setString(2, f.hash());
          ins.setInt(3, f.duplicateGroup());
          ins.setDouble(4, Double.isNaN(f.outlier()) ? -1 : f.outlier());
          ins.addBatch();
        }
        ins.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new WorkspaceException("The image analysis could not be saved: " + e.getMessage(), e);
    }
  }

  /** The facts of this embedder by content hash (empty when never computed). */
  public synchronized Map<String, ImageFact> load(String embedder) throws WorkspaceException {
    Map<String, ImageFact> out = new HashMap<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT hash, duplicate_group, outlier FROM image_facts WHERE embedder = ?")) {
      ps.setString(1, embedder);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double outlier = rs.getDouble(3);
          out.put(
              rs.getString(1),
              new ImageFact(rs.getString(1), rs.getInt(2), outlier < 0 ? Double.NaN : outlier));
        }
      }
    } catch (SQLException e) {
      throw new WorkspaceException("The image analysis could not be read: " + e.getMessage(), e);
    }
    return out;
  }
}

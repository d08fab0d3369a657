package org.databoost.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** 2-D map coordinates, one saved projection per computation, kept as history. */
public final class ProjectionStore {
  /** One image's place on a saved map. */
  public record Point(String path, String hash, float x, float y) {}

  /** A saved map. */
  public record Projection(long id, Instant createdAt, String embedder, String parameters) {}

  private final Connection connection;

  ProjectionStore(Connection connection) {
    this.connection = connection;
  }

  /** Saves a map atomically and returns its id. */
  public synchronized long save(String embedder, String parameters, List<Point> points)
      throws WorkspaceException {
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement head =
              connection.prepareStatement(
                  "INSERT INTO projections (created_at, embedder, parameters) VALUES (?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement row =
              connection.prepareStatement(
                  "INSERT INTO projection_points (projection_id, path, hash, x, y)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
        head.setLong(1, Instant.now().toEpochMilli());
        head.setString(2, embedder);
        head.setString(3, parameters);
        head.executeUpdate();
        long id;
        try (ResultSet keys = head.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
        for (Point p : points) {
          row.setLong(1, id);
          row.setString(2, p.path());
          row.setString(3, p.hash());
          row.setFloat(4, p.x());
          row.setFloat(5, p.y());
          row.addBatch();
        }
        row.executeBatch();
        connection.commit();
        return id;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new WorkspaceException("The map could not be saved: " + e.getMessage(), e);
    }
  }

  /** The latest saved map, if any. */
  public synchronized Optional<Projection> latest() throws WorkspaceException {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, created_at, embedder, parameters FROM projections"
                    + " ORDER BY id DESC LIMIT 1")) {
      return rs.next()
          ? Optional.of(
              new Projection(
                  rs.getLong(1),
                  Instant.ofEpochMilli(rs.getLong(2)),
                  rs.getString(3),
                  rs.getString(4)))
          : Optional.empty();
    } catch (SQLException e) {
      throw new WorkspaceException("The maps could not be read: " + e.getMessage(), e);
    }
  }

  /** The points of a saved map, by path. */
  public synchronized List<Point> points(long projectionId) throws WorkspaceException {
    List<Point> out = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT path, hash, x, y FROM projection_points WHERE projection_id = ? ORDER BY path")) {
      ps.setLong(1, projectionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Point(rs.getString(1), rs.getString(2), rs.getFloat(3), rs.getFloat(4)));
        }
      }
    } catch (SQLException e) {
      throw new WorkspaceException("The map could not be read: " + e.getMessage(), e);
    }
    return out;
  }
}

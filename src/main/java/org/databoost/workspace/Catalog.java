package org.databoost.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.databoost.dataset.DatasetLayout;
import org.databoost.dataset.Split;

/** The image rows of the catalog: every tracked file in the dataset and in the trash. */
final class Catalog {
  private static final String COLUMNS =
      "path, split, label, trashed, hash, size, mtime, added_by_op, provenance";

  private final Connection connection;
  private final WorkspacePaths paths;

  Catalog(Connection connection, WorkspacePaths paths) {
    this.connection = connection;
    this.paths = paths;
  }

  /** All rows by path, dataset and trash alike. */
  Map<String, ImageRow> all() throws SQLException {
    return query("SELECT " + COLUMNS + " FROM images ORDER BY path");
  }

  List<ImageRow> rows(boolean trashed) throws SQLException {
    return new ArrayList<>(
        query(
                "SELECT "
                    + COLUMNS
                    + " FROM images WHERE trashed = "
                    + (trashed ? 1 : 0)
                    + " ORDER BY path")
            .values());
  }

  Optional<ImageRow> get(String path) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM images WHERE path = ?")) {
      ps.setString(1, path);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /**
   * A row for a file at {@code path}, its split, label and trash state derived from the path.
   *
   * @throws IllegalArgumentException when the path is not in a label folder or the trash
   */
  ImageRow rowAt(
      String path,
      String hash,
      long size,
      long mtime,
      OptionalLong addedByOp,
      Optional<String> provenance) {
    DatasetLayout.Location loc =
        paths
            .locate(path)
            .orElseThrow(() -> new IllegalArgumentException("not a dataset path: " + path));
    return new ImageRow(
        path,
        loc.split(),
        loc.label(),
        hash,
        size,
        mtime,
        WorkspacePaths.isTrash(path),
        addedByOp,
        provenance);
  }

  void put(ImageRow row) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT OR REPLACE INTO images (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, row.path());
      ps.setString(2, row.split().map(Split::folder).orElse(null));
      ps.setString(3, row.label());
      ps.setInt(4, row.trashed() ? 1 : 0);
      ps.setString(5, row.hash());
      ps.setLong(6, row.size());
      ps.setLong(7, row.modifiedMillis());
      if (row.addedByOp().isPresent()) {
        ps.setLong(8, row.addedByOp().getAsLong());
      } else {
        ps.setNull(8, Types.INTEGER);
      }
      ps.setString(9, row.provenance().orElse(null));
      ps.executeUpdate();
    }
  }

  void remove(String path) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM images WHERE path = ?")) {
      ps.setString(1, path);
      ps.executeUpdate();
    }
  }

  /**
   * Moves the rows of completed steps to their destinations. A file coming from staging is new: its
   * row is made from the step and credited to the operation.
   */
  void applyMoves(long opId, List<Step> done) throws SQLException {
    for (Step s : done) {
      Optional<ImageRow> old = WorkspacePaths.isStaging(s.src()) ? Optional.empty() : get(s.src());
      OptionalLong addedBy =
          WorkspacePaths.isStaging(s.src())
              ? OptionalLong.of(opId)
              : old.map(ImageRow::addedByOp).orElse(OptionalLong.empty());
      Optional<String> provenance =
          WorkspacePaths.isStaging(s.src())
              ? Optional.ofNullable(s.provenance())
              : old.flatMap(ImageRow::provenance);
      // The row's hash beats the step's: the file may have been edited by hand since planning.
      String hash = old.map(ImageRow::hash).orElse(s.hash());
      long size = old.map(ImageRow::size).orElse(s.size());
      remove(s.src());
      put(rowAt(s.dst(), hash, size, mtimeOf(s.dst()), addedBy, provenance));
    }
  }

  private long mtimeOf(String path) {
    try {
      return Files.getLastModifiedTime(paths.resolve(path)).toMillis();
    } catch (IOException e) {
      return 0; // a zero time only forces a rehash at the next open
    }
  }

  private Map<String, ImageRow> query(String sql) throws SQLException {
    Map<String, ImageRow> out = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ImageRow row = read(rs);
        out.put(row.path(), row);
      }
    }
    return out;
  }

  private static ImageRow read(ResultSet rs) throws SQLException {
    String split = rs.getString(2);
    long addedBy = rs.getLong(8);
    boolean hasAddedBy = !rs.wasNull();
    return new ImageRow(
        rs.getString(1),
        split == null ? Optional.empty() : Split.ofFolder(split),
        rs.getString(3),
        rs.getString(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getInt(4) != 0,
        hasAddedBy ? OptionalLong.of(addedBy) : OptionalLong.empty(),
        Optional.ofNullable(rs.getString(9)));
  }
}

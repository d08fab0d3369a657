package org.databoost.workspace;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.databoost.dataset.Split;

/**
 * Model runs and their per-image predictions, kept as history in the catalog. A run is saved whole
 * in one transaction, so a cancelled or crashed run leaves nothing half-written. Runs are not
 * dataset edits: a read-only dataset keeps them too (its catalog lives in the user's data folder).
 */
public final class RunStore {
  private final Connection connection;

  RunStore(Connection connection) {
    this.connection = connection;
  }

  /** Saves a run and its predictions atomically and returns the run with its new id. */
  public synchronized RunRecord save(RunRecord run, List<PredictionRecord> predictions)
      throws WorkspaceException {
    try {
      connection.setAutoCommit(false);
      try {
        long id = insertRun(run);
        insertPredictions(id, predictions);
        connection.commit();
        return run.withId(id);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new WorkspaceException("The run could not be saved: " + e.getMessage(), e);
    }
  }

  private long insertRun(RunRecord run) throws SQLException {
    String sql =
        "INSERT INTO runs (kind, started_at, finished_at, labels, parameters, metrics, epochs)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, run.kind());
      ps.setLong(2, run.startedAt().toEpochMilli());
      ps.setLong(3, run.finishedAt().toEpochMilli());
      ps.setString(4, String.join("\n", run.labels()));
      ps.setString(5, encode(run.parameters()));
      ps.setString(6, encode(run.results().stored()));
      ps.setString(7, String.join("\n", run.epochs()));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private void insertPredictions(long runId, List<PredictionRecord> predictions)
      throws SQLException {
    String sql =
        "INSERT INTO predictions (run_id, path, hash, split, given, predicted, loss,"
            + " probabilities, fold, in_sample, issue, suggested, quality, judges)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (PredictionRecord p : predictions) {
        ps.setLong(1, runId);
        ps.setString(2, p.path());
        ps.setString(3, p.hash());
        ps.setString(4, p.split().folder());
        ps.setInt(5, p.given());
        ps.setInt(6, p.predicted());
        ps.setFloat(7, p.loss());
        ps.setBytes(8, toBytes(p.probabilities()));
        ps.setInt(9, p.fold());
        ps.setInt(10, p.inSample() ? 1 : 0);
        ps.setString(11, p.issue());
        ps.setInt(12, p.suggested());
        ps.setFloat(13, p.quality());
        ps.setString(14, p.judges() == null ? "" : p.judges());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Every run, oldest first. */
  public synchronized List<RunRecord> list() throws WorkspaceException {
    return query("SELECT * FROM runs ORDER BY id");
  }

  /** The latest run, if any. */
  public synchronized Optional<RunRecord> latest() throws WorkspaceException {
    return query("SELECT * FROM runs ORDER BY id DESC LIMIT 1").stream().findFirst();
  }

  /** A run's predictions, ordered by path. */
  public synchronized List<PredictionRecord> predictions(long runId) throws WorkspaceException {
    List<PredictionRecord> out = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT * FROM predictions WHERE run_id = ? ORDER BY path")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new PredictionRecord(
                  rs.getString("path"),
                  rs.getString("hash"),
                  Split.parse(rs.getString("split")),
                  rs.getInt("given"),
                  rs.getInt("predicted"),
                  rs.getFloat("loss"),
                  fromBytes(rs.getBytes("probabilities")),
                  rs.getInt("fold"),
                  rs.getInt("in_sample") != 0,
                  rs.getString("issue"),
                  rs.getInt("suggested"),
                  rs.getFloat("quality"),
                  rs.getString("judges")));
        }
      }
    } catch (SQLException e) {
      throw new WorkspaceException("The predictions could not be read: " + e.getMessage(), e);
    }
    return out;
  }

  private List<RunRecord> query(String sql) throws WorkspaceException {
    List<RunRecord> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(
            new RunRecord(
                rs.getLong("id"),
                rs.getString("kind"),
                Instant.ofEpochMilli(rs.getLong("started_at")),
                Instant.ofEpochMilli(rs.getLong("finished_at")),
                lines(rs.getString("labels")),
                decode(rs.getString("parameters")),
                RunResults.fromStored(decode(rs.getString("metrics"))),
                lines(rs.getString("epochs"))));
      }
    } catch (SQLException e) {
      throw new WorkspaceException("The runs could not be read: " + e.getMessage(), e);
    }
    return out;
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
  }

  /** key=value lines in order; keys and values escaped as in a properties file. */
  static String encode(Map<String, String> map) {
    StringWriter out = new StringWriter();
    for (Map.Entry<String, String> e : map.entrySet()) {
      Properties one = new Properties();
      one.setProperty(e.getKey(), e.getValue());
      try {
        StringWriter w = new StringWriter();
        one.store(w, null);
        w.toString()
            .lines()
            .filter(l -> !l.startsWith("#"))
            .forEach(l -> out.append(l).append('\n'));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return out.toString();
  }

  static Map<String, String> decode(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      Properties one = new Properties();
      try {
        one.load(new StringReader(line));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      one.forEach((k, v) -> out.put((String) k, (String) v));
    }
    return out;
  }

  private static byte[] toBytes(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return b.array();
  }

  private static float[] fromBytes(byte[] bytes) {
    float[] out = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }
}

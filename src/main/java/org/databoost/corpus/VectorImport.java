package org.databoost.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.databoost.dataset.ContentHash;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;

/**
 * Registers a table of precomputed embeddings for a corpus's images instead of embedding them: a
 * float32 {@code .npy} matrix (one row per image) and a text file of the images' paths relative to
 * the corpus folder, one per line in the matrix's row order (an optional first line {@code path}).
 * The vectors go into the same sharded store, under the embedder that made them, with the same
 * manifest (content hash, size and time of each image), so retrieval, {@code corpus info} and Boost
 * treat them like vectors embedded here. A listed image without a vector in the table, or one that
 * cannot be read, gets a NaN row and a status saying why; only pending shards are written, so an
 * interrupted import goes on where it stopped.
 */
public final class VectorImport {
  public static final String STAGE = "Importing the vectors";

  /** Status of a manifest row whose image has no row in the table. */
  static final String NO_VECTOR = "NO_VECTOR";

  private VectorImport() {}

  /**
   * What an import did.
   *
   * @param unused table rows whose path is not an image of the corpus
   */
  public record Outcome(
      ShardStore store, int shardsWritten, long rowsImported, long rowsMissing, long unused) {}

  /**
   * Imports the table into the store of {@code embedder} ({@code dim} must be the table's).
   *
   * @throws CorpusException when the table and its paths disagree, a path is listed twice, or the
   *     dimension is not the embedder's
   */
  public static Outcome run(
      Corpus corpus,
      String embedder,
      int dim,
      Path npy,
      Path paths,
      DiskSpace.Free free,
      Progress progress)
      throws IOException {
    NpyFile.Header h = NpyFile.readHeader(npy);
    List<String> names = readPaths(paths);
    if (names.size() != h.rows()) {
      throw new CorpusException(
          npy.getFileName()
              + " has "
              + h.rows()
              + " rows but "
              + paths.getFileName()
              + " lists "
              + names.size()
              + " paths: they must be in the same order, one path per row");
    }
    if (h.dim() != dim) {
      throw new CorpusException(
          npy.getFileName()
              + " holds "
              + h.dim()
              + "-d vectors but the embedder "
              + embedder
              + " makes "
              + dim
              + "-d ones");
    }
    Map<String, Integer> byPath = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (byPath.put(names.get(i), i) != null) {
        throw new CorpusException(paths.getFileName() + " lists " + names.get(i) + " twice");
      }
    }
    Vectors table = NpyFile.map(npy);
    ShardStore store = ShardStore.open(corpus, embedder, dim);
    List<Integer> pending = store.pending();
    long rows = 0;
    for (int s : pending) {
      rows += store.rowsIn(s);
    }
    DiskSpace.require(free, store.dir(), DiskSpace.needed(rows, dim));
    Set<String> listed = new HashSet<>();
    long imported = 0;
    long missing = 0;
    long done = 0;
    int written = 0;
    progress.update(STAGE, 0, rows);
    for (int s : pending) {
      progress.checkCancelled();
      List<Listing.Row> shard =
          Listing.shard(corpus.dir(), s, corpus.shardRows(), corpus.labelled());
      float[] out = new float[shard.size() * dim];
      List<ManifestRow> manifest = new ArrayList<>(shard.size());
      for (int r = 0; r < shard.size(); r++) {
        Listing.Row row = shard.get(r);
        listed.add(row.path());
        Integer at = byPath.get(row.path());
        ManifestRow m = manifestRow(corpus.source(), row, at != null);
        if (m.ok()) {
          table.copyRows(at, 1, out, r * dim);
          imported++;
        } else {
          Arrays.fill(out, r * dim, (r + 1) * dim, Float.NaN);
          missing++;
        }
        manifest.add(m);
      }
      store.write(s, out, manifest);
      written++;
      done += shard.size();
      progress.update(STAGE, done, rows);
    }
    long unused = 0;
    if (pending.size() == store.shards()) {
      for (String n : names) {
        unused += listed.contains(n) ? 0 : 1;
      }
    }
    return new Outcome(store, written, imported, missing, unused);
  }

  private static ManifestRow manifestRow(Path source, Listing.Row row, boolean hasVector) {
    Path file = source.resolve(row.path());
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      String hash = ContentHash.of(file);
      return new ManifestRow(
          row.index(),
          row.path(),
          row.label(),
          hash,
          a.size(),
          a.lastModifiedTime().toMillis(),
          hasVector ? "ok" : NO_VECTOR,
          hasVector ? "" : "no row for it in the table of vectors");
    } catch (IOException e) {
      return new ManifestRow(
          row.index(),
          row.path(),
          row.label(),
          "",
          -1,
          -1,
          "UNREADABLE_FILE",
          "cannot be read: " + e.getMessage());
    }
  }

  /** The paths, one per line; a first line "path" is a header; blank lines are skipped. */
  static List<String> readPaths(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new CorpusException("no paths file " + file);
    }
    List<String> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String line;
      boolean first = true;
      while ((line = r.readLine()) != null) {
        String p = line.strip().replace('\\', '/');
        if (first && p.equalsIgnoreCase("path")) {
          first = false;
          continue;
        }
        first = false;
        if (!p.isEmpty()) {
          out.add(p);
        }
      }
    }
    return out;
  }
}

package org.databoost.corpus;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Properties;
import org.databoost.neighbors.Vectors;

/**
 * One embedder's vectors of a corpus, on disk: shard i holds rows {@code [i * shardRows, (i + 1) *
 * shardRows)} of the listing as {@code shard-0000i.npy} (float32, unit rows; NaN rows for images
 * that could not be embedded) and {@code shard-0000i.csv} (its {@link ManifestRow}s). A shard is
 * written as two temporary files renamed into place, the manifest last: a shard counts as done only
 * when its manifest exists, so an interrupted or killed writer (in-process or a Spark task) leaves
 * the store consistent, and the next run embeds just the shards that are not done.
 */
public final class ShardStore {
  static final String FILE = "store.properties";

  private final Corpus corpus;
  private final Path dir;
  private final String embedder;
  private final int dim;

  private ShardStore(Corpus corpus, Path dir, String embedder, int dim) {
    this.corpus = corpus;
    this.dir = dir;
    this.embedder = embedder;
    this.dim = dim;
  }

  /** Opens or creates the store of {@code embedder} (vectors of {@code dim} values). */
  public static ShardStore open(Corpus corpus, String embedder, int dim) throws IOException {
    Path dir = corpus.storeDir(embedder);
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    if (Files.exists(file)) {
      ShardStore existing = read(corpus, embedder);
      if (existing.dim != dim) {
        throw new IOException(
            "the store "
                + dir
                + " holds "
                + existing.dim
                + "-d vectors, the embedder gives "
                + dim);
      }
      return existing;
    }
    Properties p = new Properties();
    p.setProperty("embedder", embedder);
    p.setProperty("dim", Integer.toString(dim));
    p.setProperty("shardRows", Integer.toString(corpus.shardRows()));
    p.setProperty("rows", Long.toString(corpus.rows()));
    p.setProperty("shards", Integer.toString(corpus.shards()));
    p.setProperty(
        "format", "shard-NNNNN.npy (float32 rows) + shard-NNNNN.csv (" + ManifestRow.HEADER + ")");
    Path tmp = dir.resolve(FILE + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp)) {
      p.store(w, "Databoost corpus embeddings");
    }
    CorpusFiles.replace(tmp, file);
    return new ShardStore(corpus, dir, embedder, dim);
  }

  /** An existing store; fails plainly when the corpus was never embedded with it. */
  public static ShardStore read(Corpus corpus, String embedder) throws IOException {
    Path dir = corpus.storeDir(embedder);
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      throw new IOException(
          "the corpus '" + corpus.name() + "' has no embeddings by " + embedder + " yet");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return new ShardStore(corpus, dir, embedder, Integer.parseInt(p.getProperty("dim")));
  }

  /** The embedders a corpus has stores of. */
  public static List<String> embedders(Corpus corpus) throws IOException {
    Path stores = corpus.dir().resolve("store");
    List<String> out = new ArrayList<>();
    if (Files.isDirectory(stores)) {
      try (var s = Files.list(stores)) {
        s.filter(d -> Files.exists(d.resolve(FILE)))
            .forEach(d -> out.add(d.getFileName().toString()));
      }
    }
    out.sort(null);
    return out;
  }

  public Corpus corpus() {
    return corpus;
  }

  public Path dir() {
    return dir;
  }

  public String embedder() {
    return embedder;
  }

  public int dim() {
    return dim;
  }

  public int shards() {
    return corpus.shards();
  }

  public Path npy(int shard) {
    return dir.resolve(String.format(Locale.ROOT, "shard-%05d.npy", shard));
  }

  public Path manifest(int shard) {
    return dir.resolve(String.format(Locale.ROOT, "shard-%05d.csv", shard));
  }

  public boolean isDone(int shard) {
    return Files.exists(manifest(shard)) && Files.exists(npy(shard));
  }

  /** The shards not yet written, in order. */
  public List<Integer> pending() {
    List<Integer> out = new ArrayList<>();
    for (int s = 0; s < shards(); s++) {
      if (!isDone(s)) {
        out.add(s);
      }
    }
    return out;
  }

  public int doneCount() {
    return shards() - pending().size();
  }

  public boolean complete() {
    return pending().isEmpty();
  }

  /** Rows of one shard (the last may be short). */
  public int rowsIn(int shard) {
    return (int) Math.min(corpus.shardRows(), corpus.rows() - (long) shard * corpus.shardRows());
  }

  /**
   * Writes one shard: the vectors ({@code rows x dim}, NaN rows for failures), then its manifest,
   * the commit point.
   */
  public void write(int shard, float[] vectors, List<ManifestRow> rows) throws IOException {
    if (rows.size() != rowsIn(shard) || vectors.length != rows.size() * dim) {
      throw new IllegalArgumentException(
          "shard " + shard + " needs " + rowsIn(shard) + " rows, got " + rows.size());
    }
    NpyFile.writeAtomically(npy(shard), vectors, rows.size(), dim);
    Path tmp = manifest(shard).resolveSibling(manifest(shard).getFileName() + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
      w.write(ManifestRow.HEADER);
      w.newLine();
      for (ManifestRow r : rows) {
        w.write(r.toCsv());
        w.newLine();
      }
    }
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    CorpusFiles.replace(tmp, manifest(shard));
  }

  /** Forgets a shard, so that the next run embeds it again. */
  public void drop(int shard) throws IOException {
    CorpusFiles.drop(manifest(shard));
    CorpusFiles.drop(npy(shard));
  }

  /** A done shard's manifest rows. */
  public List<ManifestRow> manifestRows(int shard) throws IOException {
    List<ManifestRow> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(manifest(shard))) {
      String line = r.readLine(); // header
      while ((line = r.readLine()) != null) {
        if (!line.isEmpty()) {
          out.add(ManifestRow.parse(line));
        }
      }
    }
    return out;
  }

  /** The manifest row of a global row id. */
  public ManifestRow row(long id) throws IOException {
    int shard = (int) (id / corpus.shardRows());
    return manifestRows(shard).get((int) (id % corpus.shardRows()));
  }

  /** A done shard's vectors, memory-mapped. */
  public Vectors vectors(int shard) throws IOException {
    return NpyFile.map(npy(shard));
  }

  /** Every shard's vectors in order, each mapped when reached; the store must be complete. */
  public Iterator<Vectors> allVectors() {
    if (!complete()) {
      throw new IllegalStateException(
          "the corpus '"
              + corpus.name()
              + "' is embedded in "
              + doneCount()
              + " of "
              + shards()
              + " shards; finish it with corpus add first");
    }
    return new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        return next < shards();
      }

      @Override
      public Vectors next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        try {
          return vectors(next++);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  /** Bytes on disk of the written shards. */
  public long bytesOnDisk() throws IOException {
    long sum = 0;
    for (int s = 0; s < shards(); s++) {
      if (isDone(s)) {
        sum += Files.size(npy(s)) + Files.size(manifest(s));
      }
    }
    return sum;
  }
}

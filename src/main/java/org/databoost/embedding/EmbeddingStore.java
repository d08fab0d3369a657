package org.databoost.embedding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vectors of one embedder, keyed by image content hash, in two append-only files:
 *
 * <ul>
 *   <li>{@code matrix.f32}: a 16-byte header (the 8 ASCII bytes {@code DBEMBF32}, rows and
 *       dimension as little-endian int32) followed by {@code rows x dim} little-endian float32,
 *       read through a memory map;
 *   <li>{@code hashes.txt}: the content hash of row {@code i} on line {@code i}.
 * </ul>
 *
 * <p>An append writes the vectors after the last committed row, then the hash lines, forces both to
 * disk, and only then raises the header's row count: the header is the commit point. A crash in
 * between leaves extra bytes after the committed rows, which the next open ignores and overwrites
 * (the hash file is truncated to the committed lines). Nothing is ever moved, renamed or deleted.
 * One writer at a time (the workspace lock); methods are synchronised within a process.
 */
public final class EmbeddingStore implements AutoCloseable {
  static final String MATRIX = "matrix.f32";
  static final String HASHES = "hashes.txt";
  private static final byte[] MAGIC = "DBEMBF32".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 16;

  private final FileChannel matrix;
  private final FileChannel hashes;
  private final int dimension;
  private final Map<String, Integer> rows = new HashMap<>();
  private long hashBytes;
  private FloatBuffer mapped;

  private EmbeddingStore(FileChannel matrix, FileChannel hashes, int dimension) {
    this.matrix = matrix;
    this.hashes = hashes;
    this.dimension = dimension;
  }

  /** The folder of an embedder's vectors under a workspace state folder. */
  public static Path folder(Path stateDir, String embedderName) {
    if (!embedderName.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("not a safe embedder name: " + embedderName);
    }
    return stateDir.resolve("embeddings").resolve(embedderName);
  }

  /**
   * Opens (creating if needed) the store of {@code embedderName} under {@code stateDir}.
   *
   * @throws IOException when the files cannot be read, or were written with another dimension
   */
  public static EmbeddingStore open(Path stateDir, String embedderName, int dimension)
      throws IOException {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be positive: " + dimension);
    }
    Path dir = folder(stateDir, embedderName);
    Files.createDirectories(dir);
    FileChannel m =
        FileChannel.open(
            dir.resolve(MATRIX),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    FileChannel h = null;
    try {
      h =
          FileChannel.open(
              dir.resolve(HASHES),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      EmbeddingStore store = new EmbeddingStore(m, h, dimension);
      store.load(dir);
      return store;
    } catch (IOException | RuntimeException e) {
      m.close();
      if (h != null) {
        h.close();
      }
      throw e;
    }
  }

  private void load(Path dir) throws IOException {
    int committed;
    if (matrix.size() < HEADER) {
      writeHeader(0);
      committed = 0;
    } else {
      ByteBuffer header = read(matrix, 0, HEADER);
      byte[] magic = new byte[MAGIC.length];
      header.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException(dir.resolve(MATRIX) + " is not an embedding matrix");
      }
      committed = header.getInt();
      int dim = header.getInt();
      if (dim != dimension) {
        throw new IOException(
            dir.resolve(MATRIX) + " holds " + dim + "-d vectors, expected " + dimension);
      }
      long available = (matrix.size() - HEADER) / (4L * dimension);
      committed = (int) Math.min(committed, available);
    }
    List<String> lines = new ArrayList<>();
    long end = readLines(committed, lines);
    if (lines.size() < committed) {
      committed = lines.size(); // hash lines lost: forget the rows they name
      writeHeader(committed);
    }
    hashes.truncate(end);
    hashBytes = end;
    for (int i = 0; i < committed; i++) {
      rows.putIfAbsent(lines.get(i), i);
    }
    remap(committed);
  }

  /** Reads up to {@code limit} complete lines; returns the byte offset after the last one. */
  private long readLines(int limit, List<String> out) throws IOException {
    ByteBuffer all = read(hashes, 0, (int) hashes.size());
    long end = 0;
    int start = 0;
    for (int i = 0; i < all.limit() && out.size() < limit; i++) {
      if (all.get(i) == '\n') {
        out.add(new String(all.array(), start, i - start, StandardCharsets.US_ASCII));
        start = i + 1;
        end = start;
      }
    }
    return end;
  }

  private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (channel.read(b, at + b.position()) < 0) {
        throw new IOException("unexpected end of file");
      }
    }
    return b.flip();
  }

  private void writeHeader(int count) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    header.put(MAGIC).putInt(count).putInt(dimension).flip();
    write(matrix, header, 0);
    matrix.force(true);
  }

  private static void write(FileChannel channel, ByteBuffer b, long at) throws IOException {
    long pos = at;
    while (b.hasRemaining()) {
      pos += channel.write(b, pos);
    }
  }

  private void remap(int count) throws IOException {
    long bytes = 4L * dimension * count;
    MappedByteBuffer map = matrix.map(FileChannel.MapMode.READ_ONLY, HEADER, bytes);
    mapped = map.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }

  /** Length of every vector. */
  public int dimension() {
    return dimension;
  }

  /** Number of distinct hashes stored. */
  public synchronized int size() {
    return rows.size();
  }

  public synchronized boolean contains(String hash) {
    return rows.containsKey(hash);
  }

  /** The stored vector of {@code hash}, or {@code null}. */
  public synchronized float[] get(String hash) {
    Integer row = rows.get(hash);
    if (row == null) {
      return null;
    }
    float[] v = new float[dimension];
    mapped.get(row * dimension, v);
    return v;
  }

  /** Appends the vectors of hashes not stored yet (later duplicates are ignored). */
  public synchronized void append(List<String> newHashes, float[][] vectors) throws IOException {
    if (newHashes.size() != vectors.length) {
      throw new IllegalArgumentException(
          newHashes.size() + " hashes for " + vectors.length + " vectors");
    }
    List<Integer> keep = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < vectors.length; i++) {
      String hash = newHashes.get(i);
      if (hash.isEmpty() || hash.indexOf('\n') >= 0 || hash.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("not a hash: " + hash);
      }
      if (vectors[i].length != dimension) {
        throw new IllegalArgumentException(
            "vector of length " + vectors[i].length + ", expected " + dimension);
      }
      if (!rows.containsKey(hash) && seen.add(hash)) {
        keep.add(i);
      }
    }
    if (keep.isEmpty()) {
      return;
    }
    int committed = mapped.capacity() / dimension;
    ByteBuffer data =
        ByteBuffer.allocate(4 * dimension * keep.size()).order(ByteOrder.LITTLE_ENDIAN);
    StringBuilder lines = new StringBuilder();
    for (int i : keep) {
      for (float x : vectors[i]) {
        data.putFloat(x);
      }
      lines.append(newHashes.get(i)).append('\n');
    }
    write(matrix, data.flip(), HEADER + 4L * dimension * committed);
    byte[] text = lines.toString().getBytes(StandardCharsets.US_ASCII);
    write(hashes, ByteBuffer.wrap(text), hashBytes);
    matrix.force(false);
    hashes.force(false);
    int total = committed + keep.size();
    writeHeader(total);
    hashBytes += text.length;
    for (int k = 0; k < keep.size(); k++) {
      rows.put(newHashes.get(keep.get(k)), committed + k);
    }
    remap(total);
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      matrix.close();
    } finally {
      hashes.close();
    }
  }
}

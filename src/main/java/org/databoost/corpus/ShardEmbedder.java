package org.databoost.corpus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.databoost.dataset.ContentHash;
import org.databoost.dataset.Problem;
import org.databoost.dataset.ProblemKind;
import org.databoost.embedding.Embedder;
import org.databoost.imaging.ImageDecoder;
import org.databoost.imaging.ImageReadException;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * Embeds one shard of a corpus into its {@link ShardStore}: reads the shard's rows from the
 * listing, hashes and decodes each image on a pool (a corrupt, truncated, empty or unreadable file
 * becomes a {@link Problem} of the dataset scan's kinds and a NaN row), embeds the decoded ones in
 * batches, and writes the shard. The in-process job and the Spark job both call this, so they write
 * the same store.
 */
public final class ShardEmbedder {
  /** Largest side decoded, as the embedders' own decoding (larger images are subsampled). */
  static final int MAX_SIDE = 1024;

  static final int BATCH = 256;

  private final Embedder embedder;
  private final ExecutorService pool;

  /** {@code pool} decodes and hashes; the caller owns both. */
  public ShardEmbedder(Embedder embedder, ExecutorService pool) {
    this.embedder = embedder;
    this.pool = pool;
  }

  /** What one shard gave. */
  public record Result(int shard, int rows, int embedded, List<Problem> problems) {}

  private record Read(ManifestRow row, BufferedImage image, Problem problem) {}

  /** Embeds and writes {@code shard}; cancellation is checked between batches. */
  public Result embed(ShardStore store, int shard, Progress progress) throws IOException {
    Corpus c = store.corpus();
    List<Listing.Row> rows = Listing.shard(c.dir(), shard, c.shardRows(), c.labelled());
    int dim = store.dim();
    float[] vectors = new float[rows.size() * dim];
    List<ManifestRow> manifest = new ArrayList<>(rows.size());
    List<Problem> problems = new ArrayList<>();
    int embedded = 0;
    for (int from = 0; from < rows.size(); from += BATCH) {
      progress.checkCancelled();
      List<Listing.Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
      List<Read> reads = read(c.source(), batch);
      List<BufferedImage> images = new ArrayList<>();
      for (Read r : reads) {
        if (r.image() != null) {
          images.add(r.image());
        }
      }
      float[][] out = embedder.embedImages(images, Progress.NONE);
      int next = 0;
      for (int i = 0; i < reads.size(); i++) {
        Read r = reads.get(i);
        int at = (from + i) * dim;
        if (r.image() != null) {
          System.arraycopy(out[next++], 0, vectors, at, dim);
          embedded++;
        } else {
          Arrays.fill(vectors, at, at + dim, Float.NaN);
          problems.add(r.problem());
        }
        manifest.add(r.row());
      }
    }
    store.write(shard, vectors, manifest);
    return new Result(shard, rows.size(), embedded, problems);
  }

  private List<Read> read(Path source, List<Listing.Row> batch) {
    List<Future<Read>> futures = new ArrayList<>(batch.size());
    for (Listing.Row row : batch) {
      futures.add(pool.submit(() -> read(source, row)));
    }
    List<Read> out = new ArrayList<>(batch.size());
    try {
      for (Future<Read> f : futures) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return out;
  }

  static Read read(Path source, Listing.Row row) {
    Path file = source.resolve(row.path());
    Path rel = Path.of(row.path());
    String hash = "";
    long bytes = -1;
    long modified = -1;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      bytes = a.size();
      modified = a.lastModifiedTime().toMillis();
      hash = ContentHash.of(file);
      BufferedImage image = ImageDecoder.decode(file, MAX_SIDE);
      return new Read(
          new ManifestRow(row.index(), row.path(), row.label(), hash, bytes, modified, "ok", ""),
          image,
          null);
    } catch (ImageReadException e) {
      Problem p = Problem.of(ProblemKind.of(e.reason()), rel, e.getMessage());
      return failed(row, hash, bytes, modified, p);
    } catch (IOException e) {
      Problem p = Problem.of(ProblemKind.UNREADABLE_FILE, rel, "cannot be read: " + e.getMessage());
      return failed(row, hash, bytes, modified, p);
    }
  }

  private static Read failed(Listing.Row row, String hash, long bytes, long modified, Problem p) {
    return new Read(
        new ManifestRow(
            row.index(),
            row.path(),
            row.label(),
            hash,
            bytes,
            modified,
            p.kind().name(),
            p.message()),
        null,
        p);
  }
}

package org.databoost.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.databoost.dataset.Problem;
import org.databoost.embedding.Embedder;
import org.databoost.task.Progress;

/**
 * Embeds a corpus in this process, shard by shard: only the shards not yet written (so a run that
 * was interrupted goes on where it stopped), after checking that the written ones still match the
 * images and that the disk has room for the rest.
 */
public final class CorpusEmbedding {
  public static final String STAGE = "Embedding the corpus";

  private final DiskSpace.Free free;

  public CorpusEmbedding(DiskSpace.Free free) {
    this.free = free;
  }

  /** What a run did. */
  public record Outcome(
      ShardStore store,
      int shardsWritten,
      int shardsBefore,
      long rowsEmbedded,
      long rowsFailed,
      List<Problem> problems,
      long nanos) {}

  /**
   * Embeds every pending shard.
   *
   * @param refresh embed again the written shards whose images changed, instead of refusing
   * @throws CorpusException when written shards no longer match the images and {@code refresh} is
   *     false, or the folder is gone
   * @throws DiskSpace.NotEnoughSpaceException before writing, when the disk is too full
   */
  public Outcome run(Corpus corpus, Embedder embedder, boolean refresh, Progress progress)
      throws IOException {
    long t0 = System.nanoTime();
    ShardStore store = ShardStore.open(corpus, embedder.name(), embedder.dimension());
    CorpusCheck.Changes changes = CorpusCheck.check(store, progress);
    if (changes.sourceGone()) {
      throw new CorpusException(changes.describe(corpus));
    }
    if (!changes.none()) {
      if (!refresh) {
        throw new CorpusException(changes.describe(corpus));
      }
      for (int s : changes.shards()) {
        store.drop(s);
      }
    }
    List<Integer> pending = store.pending();
    int before = store.shards() - pending.size();
    long rows = 0;
    for (int s : pending) {
      rows += store.rowsIn(s);
    }
    DiskSpace.require(free, store.dir(), DiskSpace.needed(rows, store.dim()));
    List<Problem> problems = new ArrayList<>();
    long embedded = 0;
    long failed = 0;
    int written = 0;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
    try {
      ShardEmbedder shards = new ShardEmbedder(embedder, pool);
      long done = 0;
      progress.update(STAGE, 0, rows);
      for (int s : pending) {
        ShardEmbedder.Result r = shards.embed(store, s, progress);
        embedded += r.embedded();
        failed += r.rows() - r.embedded();
        problems.addAll(r.problems());
        written++;
        done += r.rows();
        progress.update(STAGE, done, rows);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Outcome(store, written, before, embedded, failed, problems, System.nanoTime() - t0);
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "corpus-reader-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

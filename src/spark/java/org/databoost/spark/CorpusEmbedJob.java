package org.databoost.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.databoost.corpus.Corpus;
import org.databoost.corpus.CorpusCheck;
import org.databoost.corpus.CorpusException;
import org.databoost.corpus.CorpusRegistry;
import org.databoost.corpus.DiskSpace;
import org.databoost.corpus.ShardEmbedder;
import org.databoost.corpus.ShardStore;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.Embedders;
import org.databoost.files.DataDirs;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * The corpus embedding as a Spark job: the driver checks the store (content hashes, free disk) and
 * lists the shards not yet written; each pending shard is one task, and {@code mapPartitions} runs
 * the app's own {@link ShardEmbedder} on it, which writes the shard into the same store the app
 * reads (the store must be on a file system every executor sees). A failed or killed task leaves
 * only temporary files; running the job (or {@code corpus add}) again writes the missing shards.
 *
 * <p>{@code local[2]} by default; on a cluster, {@code spark-submit --master ...} sets the master.
 */
public final class CorpusEmbedJob {
  public static final String STAGE = "Embedding the corpus on Spark";

  private CorpusEmbedJob() {}

  /** What a run did. */
  public record Outcome(int shardsWritten, int shardsBefore, long rows, long embedded, long nanos)
      implements Serializable {}

  /**
   * Embeds every pending shard of a registered corpus on {@code sc}; progress counts finished
   * shards, and cancelling it cancels the Spark job.
   */
  public static Outcome run(
      JavaSparkContext sc, Path registryRoot, String corpus, String embedderName, Progress progress)
      throws IOException {
    long t0 = System.nanoTime();
    Corpus c = new CorpusRegistry(registryRoot).get(corpus);
    ShardStore store;
    String name;
    try (Embedder e = Embedders.byName(embedderName)) {
      store = ShardStore.open(c, e.name(), e.dimension());
      name = e.name();
    }
    CorpusCheck.Changes changes = CorpusCheck.check(store, progress);
    if (!changes.none()) {
      throw new CorpusException(changes.describe(c));
    }
    List<Integer> pending = store.pending();
    int before = store.shards() - pending.size();
    long rows = 0;
    for (int s : pending) {
      rows += store.rowsIn(s);
    }
    DiskSpace.require(DiskSpace.REAL, store.dir(), DiskSpace.needed(rows, store.dim()));
    if (pending.isEmpty()) {
      return new Outcome(0, before, 0, 0, System.nanoTime() - t0);
    }
    String root = registryRoot.toAbsolutePath().toString();
    JavaRDD<Integer> shards = sc.parallelize(pending, pending.size());
    JavaRDD<long[]> done =
        shards.mapPartitions(
            it -> {
              List<long[]> out = new ArrayList<>();
              Corpus cc = new CorpusRegistry(Path.of(root)).get(corpus);
              ExecutorService pool = Executors.newSingleThreadExecutor();
              try (Embedder e = Embedders.byName(embedderName)) {
                ShardStore st = ShardStore.read(cc, e.name());
                ShardEmbedder se = new ShardEmbedder(e, pool);
                while (it.hasNext()) {
                  ShardEmbedder.Result r = se.embed(st, it.next(), Progress.NONE);
                  out.add(new long[] {r.shard(), r.rows(), r.embedded()});
                }
              } finally {
                pool.shutdownNow();
              }
              return out.iterator();
            });
    sc.setJobDescription("databoost: embed corpus " + corpus + " with " + name);
    JavaFutureAction<List<long[]>> job = done.collectAsync();
    List<long[]> results = await(sc, job, pending.size(), progress);
    long embedded = 0;
    for (long[] r : results) {
      embedded += r[2];
    }
    return new Outcome(results.size(), before, rows, embedded, System.nanoTime() - t0);
  }

  private static List<long[]> await(
      JavaSparkContext sc, JavaFutureAction<List<long[]>> job, int tasks, Progress progress)
      throws IOException {
    while (true) {
      if (progress.isCancelled()) {
        job.cancel(true);
        throw new CancelledException();
      }
      try {
        return job.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        int finished = 0;
        for (int id : job.jobIds()) {
          var info = sc.statusTracker().getJobInfo(id);
          if (info != null) {
            for (int stage : info.stageIds()) {
              var s = sc.statusTracker().getStageInfo(stage);
              if (s != null) {
                finished += s.numCompletedTasks();
              }
            }
          }
        }
        progress.update(STAGE, finished, tasks);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        job.cancel(true);
        throw new CancelledException();
      } catch (ExecutionException e) {
        throw new IOException("the Spark job failed: " + e.getCause().getMessage(), e.getCause());
      }
    }
  }

  /** The Spark settings this job needs; {@code master} null leaves it to spark-submit. */
  public static SparkConf conf(String master) {
    SparkConf conf = new SparkConf().setAppName("databoost-corpus-embed");
    if (master != null) {
      conf.setMaster(master);
    }
    return conf.set("spark.ui.enabled", "false").set("spark.driver.bindAddress", "127.0.0.1");
  }

  /**
   * {@code CorpusEmbedJob NAME [--embedder glyph] [--master local[2]] [--registry DIR]}: embeds a
   * corpus registered with {@code corpus add NAME PATH --list-only}.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args[0].startsWith("-")) {
      System.err.println(
          "usage: CorpusEmbedJob NAME [--embedder glyph] [--master local[2]] [--registry DIR]");
      System.exit(2);
    }
    String corpus = args[0];
    String embedder = "glyph";
    String master = System.getProperty("spark.master") == null ? "local[2]" : null;
    Path registry = DataDirs.base().resolve("corpora");
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--embedder" -> embedder = args[i + 1];
        case "--master" -> master = args[i + 1];
        case "--registry" -> registry = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    try (JavaSparkContext sc = new JavaSparkContext(conf(master))) {
      Outcome o = run(sc, registry, corpus, embedder, Progress.NONE);
      double s = o.nanos() / 1e9;
      System.out.printf(
          Locale.ROOT,
          "Spark (%s, %d default parallelism): %d shards written (%d were done before), %,d"
              + " images (%,d embedded) in %.1f s, %.1f images/s.%n",
          sc.master(),
          sc.defaultParallelism(),
          o.shardsWritten(),
          o.shardsBefore(),
          o.rows(),
          o.embedded(),
          s,
          o.rows() / Math.max(s, 1e-9));
    }
  }
}

package org.databoost.neighbors;

import java.util.Collections;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.databoost.task.Progress;

/**
 * A hierarchical navigable small-world graph (Malkov and Yashunin; the layout and the neighbour
 * selection heuristic follow hnswlib) over the rows of a {@link Vectors}, by inner product. Links
 * live in flat int arrays and the rows stay in the caller's matrix (heap or mapped): no per-item
 * objects, unlike the Java hnswlib port, and dot products go through the same {@link DotKernel} as
 * exact search. The build inserts rows on several threads with striped locks, so the graph (and a
 * result at a low ef) can differ slightly between builds.
 */
public final class HnswIndex implements NearestNeighbourIndex {
  static final String STAGE = "neighbour graph";

  /** Build and search settings; {@code ef} is the search beam width (raise it for recall). */
  public record Settings(int m, int efConstruction, int ef, int threads, long seed) {
    public Settings {
      if (m < 2 || efConstruction < 1 || ef < 1 || threads < 1) {
        throw new IllegalArgumentException("bad HNSW settings " + m + "/" + efConstruction);
      }
    }

    /** M 16, efConstruction 200, ef 64, all cores: as the anchors measured hnswlib. */
    public static Settings defaults() {
      return new Settings(16, 200, 64, Runtime.getRuntime().availableProcessors(), 42);
    }

    public Settings withEf(int ef) {
      return new Settings(m, efConstruction, ef, threads, seed);
    }

    public Settings withEfConstruction(int efConstruction) {
      return new Settings(m, efConstruction, ef, threads, seed);
    }

    public Settings withThreads(int threads) {
      return new Settings(m, efConstruction, ef, threads, seed);
    }
  }

  /** Rows inserted on one thread before the build goes parallel. */
  static final int SEQUENTIAL_START = 1_000;

  private final HnswGraph g;
  private final Settings settings;

  private HnswIndex(HnswGraph g, Settings settings) {
    this.g = g;
    this.settings = settings;
  }

  /** Builds the graph over all rows of {@code data} (normalise first for cosine). */
  public static HnswIndex build(Vectors data, Settings settings, Progress progress) {
    HnswGraph g = new HnswGraph(data, settings.m(), settings.efConstruction(), Kernels.best());
    g.levels(settings.seed());
    int n = data.rows();
    // The first rows go in on one thread: threads racing to link into a small graph leave it
    // poorly connected (measured: 784-800 of 800 rows found themselves on two threads, 736 under
    // load; always 800 on one). Later rows join a graph that is already well knit.
    int start = Math.min(n, SEQUENTIAL_START);
    HnswGraph.Scratch first = g.scratch();
    for (int i = 0; i < start; i++) {
      g.insert(i, first);
    }
    AtomicInteger next = new AtomicInteger(start);
    AtomicBoolean stop = new AtomicBoolean();
    runOnThreads(
        settings.threads(),
        () -> {
          HnswGraph.Scratch s = g.scratch();
          for (int i = next.getAndIncrement(); i < n && !stop.get(); i = next.getAndIncrement()) {
            g.insert(i, s);
          }
          return null;
        },
        next::get,
        n,
        stop,
        progress);
    return new HnswIndex(g, settings);
  }

  /** The same graph searched with another beam width. */
  public HnswIndex withEf(int ef) {
    return new HnswIndex(g, settings.withEf(ef));
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public int size() {
    return g.n;
  }

  @Override
  public int dim() {
    return g.dim;
  }

  @Override
  public Neighbors search(float[] query, int k) {
    int kk = Math.min(k, g.n);
    int[] ids = new int[kk];
    float[] sims = new float[kk];
    g.search(query, kk, settings.ef(), g.local.get(), ids, sims, 0);
    return new Neighbors(1, kk, ids, sims);
  }

  @Override
  public Neighbors searchAll(Vectors queries, int k, Progress progress) {
    int nq = queries.rows();
    int kk = Math.min(k, g.n);
    int[] ids = new int[nq * kk];
    float[] sims = new float[nq * kk];
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    runOnThreads(
        settings.threads(),
        () -> {
          HnswGraph.Scratch s = g.scratch();
          float[] q = new float[g.dim];
          for (int i = next.getAndIncrement(); i < nq && !stop.get(); i = next.getAndIncrement()) {
            queries.copyRows(i, 1, q, 0);
            g.search(q, kk, settings.ef(), s, ids, sims, i * kk);
          }
          return null;
        },
        next::get,
        nq,
        stop,
        progress);
    return new Neighbors(nq, kk, ids, sims);
  }

  /** Runs {@code work} on {@code threads} threads, polling progress and cancel on this one. */
  private static void runOnThreads(
      int threads,
      Callable<Void> work,
      IntSupplier done,
      int total,
      AtomicBoolean stop,
      Progress progress) {
    SearchTasks.runAll(
        STAGE,
        threads,
        Collections.nCopies(threads, work),
        stop,
        () -> Math.min(done.getAsInt(), total),
        total,
        progress);
  }
}

package org.databoost.boost;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.databoost.dataset.ImageEntry;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.PreparedEmbedder;
import org.databoost.imaging.ImageDecoder;
import org.databoost.imaging.ImageReadException;
import org.databoost.imaging.augment.Augmenter;
import org.databoost.imaging.augment.InkImage;
import org.databoost.neighbors.Vectors;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * Makes a {@link CandidatePool}: decodes every source image once into a {@value
 * CandidatePool#POOL_SIDE}-pixel ink plane, then streams candidates through generator threads
 * (augment + prepare the model input) into the embedder in fixed batches, writing each vector
 * straight into the pool matrix. Memory is the matrix plus a few batches in flight; the result
 * depends only on the inputs and the seed, never on the thread count or timing.
 */
public final class PoolGenerator {
  /** Stage names reported to {@link Progress}. */
  public static final String LOAD_STAGE = "Loading source images";

  public static final String POOL_STAGE = "Generating and embedding candidates";
  public static final String GENERATE_ONLY_STAGE = "Generating candidates";

  /** Candidates per embedder batch; fixed so that results never depend on timing. */
  static final int BATCH = 256;

  /** Batches generated ahead of the embedder. */
  private static final int AHEAD = 3;

  /** Candidates per generator task. */
  private static final int TASK = 32;

  private static final int ROWS_PER_CHUNK = 1 << 16;

  private final Augmenter augmenter;
  private final int generatorThreads;

  /**
   * @param generatorThreads threads that generate candidates while the embedder runs (at least 1)
   */
  public PoolGenerator(Augmenter augmenter, int generatorThreads) {
    this.augmenter = augmenter;
    this.generatorThreads = Math.max(1, generatorThreads);
  }

  /** Generator threads for this machine: every core (the embedder's native threads overlap). */
  public static int defaultGeneratorThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** Native threads of the embedder while the pool is made: every core. */
  static int modelThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** Decodes the sources into pool planes, in order. */
  public List<InkImage> loadSources(Path root, List<ImageEntry> sources, Progress progress) {
    InkImage[] planes = new InkImage[sources.size()];
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(generatorThreads, daemon("boost-load"));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < planes.length; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  progress.checkCancelled();
                  planes[index] =
                      InkImage.of(decode(root, sources.get(index)), CandidatePool.POOL_SIDE);
                  progress.update(LOAD_STAGE, done.incrementAndGet(), planes.length);
                }));
      }
      for (Future<?> f : futures) {
        await(f);
      }
    } finally {
      pool.shutdownNow();
    }
    return List.of(planes);
  }

  /** Decodes a dataset image for augmentation (large images subsampled on decode). */
  static BufferedImage decode(Path root, ImageEntry entry) {
    Path file = root.resolve(entry.relativePath());
    try {
      return ImageDecoder.decode(file, 1024);
    } catch (ImageReadException e) {
      throw new UncheckedIOException(
          new IOException(
              "Cannot read the source image " + entry.displayPath() + ": " + e.getMessage(), e));
    }
  }

  /** Generates {@code count} candidates and embeds them. */
  public CandidatePool generate(
      Path root,
      List<ImageEntry> sources,
      int count,
      long seed,
      Embedder embedder,
      Progress progress) {
    if (count < 1) {
      throw new IllegalArgumentException("the pool needs at least one candidate: " + count);
    }
    long t0 = System.nanoTime();
    List<InkImage> planes = loadSources(root, sources, progress);
    long t1 = System.nanoTime();
    int dim = embedder.dimension();
    List<float[]> chunks = new ArrayList<>();
    for (int from = 0; from < count; from += ROWS_PER_CHUNK) {
      chunks.add(new float[Math.min(ROWS_PER_CHUNK, count - from) * dim]);
    }
    AtomicLong generateNanos = new AtomicLong();
    long embedNanos = 0;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    PreparedEmbedder prepared = embedder instanceof PreparedEmbedder p ? p : null;
    Function<InkImage, Object> finish =
        prepared != null ? prepared::prepareInk : candidate -> candidate.toGray();
    ExecutorService pool = Executors.newFixedThreadPool(generatorThreads, daemon("boost-generate"));
    // Generation costs a fraction of the model's time: lend the model every core meanwhile.
    int modelThreads = prepared != null ? prepared.swapModelThreads(modelThreads()) : 0;
    try {
      progress.update(POOL_STAGE, 0, count);
      Deque<List<Future<Object[]>>> inFlight = new ArrayDeque<>();
      int nextBatch = 0;
      for (int from = 0; from < count; from += BATCH) {
        while (inFlight.size() < AHEAD && nextBatch < count) {
          inFlight.add(
              submitBatch(pool, planes, seed, nextBatch, count, finish, mx, generateNanos));
          nextBatch += BATCH;
        }
        progress.checkCancelled();
        List<Object[]> parts = new ArrayList<>();
        for (Future<Object[]> f : inFlight.removeFirst()) {
          parts.add(await(f));
        }
        long e0 = System.nanoTime();
        float[][] vectors = embedBatch(embedder, prepared, parts);
        embedNanos += System.nanoTime() - e0;
        for (int i = 0; i < vectors.length; i++) {
          int row = from + i;
          if (vectors[i].length != dim) {
            throw new IllegalStateException(
                embedder.name() + " returned " + vectors[i].length + " values, not " + dim);
          }
          System.arraycopy(
              vectors[i], 0, chunks.get(row / ROWS_PER_CHUNK), (row % ROWS_PER_CHUNK) * dim, dim);
        }
        progress.update(POOL_STAGE, Math.min(count, from + BATCH), count);
      }
    } finally {
      pool.shutdownNow();
      if (prepared != null) {
        prepared.swapModelThreads(modelThreads);
      }
    }
    long t2 = System.nanoTime();
    List<FloatBuffer> buffers = new ArrayList<>();
    for (float[] c : chunks) {
      buffers.add(FloatBuffer.wrap(c));
    }
    Vectors vectors = Vectors.ofChunks(buffers, ROWS_PER_CHUNK, count, dim);
    return new CandidatePool(
        sources,
        seed,
        vectors,
        embedder.name(),
        new CandidatePool.PoolTimings(
            (t1 - t0) / 1e9,
            generateNanos.get() / 1e9,
            embedNanos / 1e9,
            (t2 - t1) / 1e9,
            generatorThreads));
  }

  /**
   * Generates {@code count} candidates without embedding them, for the benchmark: returns the total
   * ink of all candidates (so the work cannot be optimised away).
   */
  public double generateOnly(List<InkImage> planes, int count, long seed, Progress progress) {
    ExecutorService pool = Executors.newFixedThreadPool(generatorThreads, daemon("boost-generate"));
    AtomicLong unused = new AtomicLong();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double ink = 0;
    try {
      Deque<List<Future<Object[]>>> inFlight = new ArrayDeque<>();
      int nextBatch = 0;
      for (int from = 0; from < count; from += BATCH) {
        while (inFlight.size() < AHEAD && nextBatch < count) {
          inFlight.add(submitBatch(pool, planes, seed, nextBatch, count, c -> c, mx, unused));
          nextBatch += BATCH;
        }
        progress.checkCancelled();
        for (Future<Object[]> f : inFlight.removeFirst()) {
          for (Object o : await(f)) {
            float[] plane = ((InkImage) o).ink();
            ink += plane[plane.length / 2];
          }
        }
        progress.update(GENERATE_ONLY_STAGE, Math.min(count, from + BATCH), count);
      }
    } finally {
      pool.shutdownNow();
    }
    return ink;
  }

  private List<Future<Object[]>> submitBatch(
      ExecutorService pool,
      List<InkImage> planes,
      long seed,
      int from,
      int count,
      Function<InkImage, Object> finish,
      ThreadMXBean mx,
      AtomicLong generateNanos) {
    int to = Math.min(count, from + BATCH);
    List<Future<Object[]>> tasks = new ArrayList<>();
    for (int start = from; start < to; start += TASK) {
      int s = start;
      int e = Math.min(to, start + TASK);
      tasks.add(
          pool.submit(
              () -> {
                long c0 = mx.getCurrentThreadCpuTime();
                Object[] out = new Object[e - s];
                for (int i = s; i < e; i++) {
                  InkImage source = planes.get(CandidatePool.sourceIndex(i, planes.size()));
                  InkImage candidate =
                      augmenter.apply(
                          source, augmenter.sample(CandidatePool.augmentationSeed(seed, i)));
                  out[i - s] = finish.apply(candidate);
                }
                generateNanos.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                return out;
              }));
    }
    return tasks;
  }

  private static float[][] embedBatch(
      Embedder embedder, PreparedEmbedder prepared, List<Object[]> parts) {
    int n = 0;
    for (Object[] p : parts) {
      n += p.length;
    }
    if (prepared != null) {
      float[][] inputs = new float[n][];
      int i = 0;
      for (Object[] p : parts) {
        for (Object o : p) {
          inputs[i++] = (float[]) o;
        }
      }
      return prepared.embedPrepared(inputs);
    }
    List<BufferedImage> images = new ArrayList<>(n);
    for (Object[] p : parts) {
      for (Object o : p) {
        images.add((BufferedImage) o);
      }
    }
    return embedder.embedImages(images, Progress.NONE);
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

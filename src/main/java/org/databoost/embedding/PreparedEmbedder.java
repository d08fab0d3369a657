package org.databoost.embedding;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.databoost.imaging.ImageDecoder;
import org.databoost.imaging.ImageReadException;
import org.databoost.imaging.augment.InkImage;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * An embedder in two stages: {@link #prepare} turns one decoded image into a model input (plain
 * Java, any thread), {@link #forward} turns a batch of inputs into vectors (the model, on the
 * calling thread). While the model runs on one batch, a pool decodes and prepares the next one, so
 * decoding and the network use both cores.
 */
public abstract class PreparedEmbedder implements Embedder {
  /** Name reported to {@link Progress}. */
  public static final String STAGE = "Computing embeddings";

  /** Largest side decoded; bigger images are subsampled by the decoder (decompression bombs). */
  static final int MAX_SIDE = 1024;

  private final int batchSize;

  protected PreparedEmbedder(int batchSize) {
    this.batchSize = batchSize;
  }

  /** The model input of one image; must be thread-safe. */
  protected abstract float[] prepare(BufferedImage image);

  /** The raw (not yet normalised) vectors of a batch of prepared inputs. */
  protected abstract float[][] forward(float[][] inputs);

  /**
   * The model input of a generated ink plane (augmented candidates); thread-safe. By default the
   * plane's gray picture goes through {@link #prepare}; embedders that read ink directly override
   * this to skip the round trip.
   */
  public float[] prepareInk(InkImage image) {
    return prepare(image.toGray());
  }

  /**
   * Sets how many native threads the model uses on the calling thread and returns the previous
   * count; embedders without native threads ignore it (and return {@code threads}).
   */
  public int swapModelThreads(int threads) {
    return threads;
  }

  /** Unit-length vectors of inputs from {@link #prepareInk}, in order (the model, this thread). */
  public float[][] embedPrepared(float[][] inputs) {
    float[][] vectors = forward(inputs);
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = Vectors.normalise(vectors[i]);
    }
    return vectors;
  }

  @Override
  public float[][] embedImages(List<BufferedImage> images, Progress progress) {
    return run(images.size(), i -> prepare(images.get(i)), progress);
  }

  @Override
  public float[][] embed(List<Path> files, Progress progress) {
    return run(files.size(), i -> prepare(decode(files.get(i))), progress);
  }

  private static BufferedImage decode(Path file) {
    try {
      return ImageDecoder.decode(file, MAX_SIDE);
    } catch (ImageReadException e) {
      throw new UncheckedIOException(new IOException(file + ": " + e.getMessage(), e));
    }
  }

  private interface Input {
    float[] at(int index);
  }

  private float[][] run(int count, Input input, Progress progress) {
    float[][] out = new float[count][];
    if (count == 0) {
      return out;
    }
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      progress.update(STAGE, 0, count);
      List<Future<float[]>> next = submit(pool, input, 0, Math.min(count, batchSize));
      for (int from = 0; from < count; from += batchSize) {
        progress.checkCancelled();
        int to = Math.min(count, from + batchSize);
        float[][] inputs = collect(next);
        next = to < count ? submit(pool, input, to, Math.min(count, to + batchSize)) : List.of();
        float[][] vectors = forward(inputs);
        for (int i = from; i < to; i++) {
          out[i] = Vectors.normalise(vectors[i - from]);
        }
        progress.update(STAGE, to, count);
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Future<float[]>> submit(ExecutorService pool, Input input, int from, int to) {
    List<Future<float[]>> futures = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      int index = i;
      futures.add(pool.submit(() -> input.at(index)));
    }
    return futures;
  }

  private static float[][] collect(List<Future<float[]>> futures) {
    float[][] inputs = new float[futures.size()][];
    try {
      for (int i = 0; i < inputs.length; i++) {
        inputs[i] = futures.get(i).get();
      }
      return inputs;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "embedding-decoder-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

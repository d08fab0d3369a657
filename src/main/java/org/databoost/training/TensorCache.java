package org.databoost.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * Decodes each image once into its pre-processed tensor before training, so that epochs never touch
 * the disk. Images are decoded on {@code threads} worker threads.
 */
final class TensorCache {
  private TensorCache() {}

  /**
   * The tensors and labels of {@code images}, in order.
   *
   * @throws IOException naming the first image that cannot be read
   */
  static TensorSet decode(List<LabelledImage> images, int threads, Progress progress)
      throws IOException {
    float[][] inputs = new float[images.size()][];
    int[] labels = new int[images.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    int workers = Math.max(1, Math.min(threads, images.size()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "databoost-decode");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < images.size();
                      i = next.getAndIncrement()) {
                    if (progress.isCancelled()) {
                      return null;
                    }
                    LabelledImage image = images.get(i);
                    try {
                      inputs[i] = ImageTensors.read(image.file());
                    } catch (IOException | RuntimeException e) {
                      throw new IOException("cannot read " + image.id() + ": " + e.getMessage(), e);
                    }
                    labels[i] = image.labelIndex();
                    done.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<Void> f : futures) {
        while (!waitFor(f)) {
          progress.update("decode images", done.get(), images.size());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    progress.checkCancelled();
    progress.update("decode images", images.size(), images.size());
    return new TensorSet(inputs, labels);
  }

  /** Waits up to 200 ms; true when the task finished. */
  private static boolean waitFor(Future<Void> f) throws IOException {
    try {
      f.get(200, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}

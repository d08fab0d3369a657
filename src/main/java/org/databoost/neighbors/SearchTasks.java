package org.databoost.neighbors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * Runs the parts of one search on a short-lived pool of daemon threads while the calling thread
 * reports progress and polls cancellation every 100 ms; on cancel it raises {@code stop}, which the
 * parts check between tiles.
 */
final class SearchTasks {
  static final String STAGE = "nearest neighbours";

  private SearchTasks() {}

  /**
   * The parts' results in submission order; {@code stage} and {@code done} of {@code total} are
   * what the progress shows meanwhile.
   */
  static <T> List<T> runAll(
      String stage,
      int threads,
      List<Callable<T>> parts,
      AtomicBoolean stop,
      LongSupplier done,
      long total,
      Progress progress) {
    AtomicInteger serial = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(threads, parts.size())),
            r -> {
              Thread t = new Thread(r, "databoost-knn-" + serial.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> p : parts) {
        futures.add(pool.submit(p));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        while (true) {
          try {
            out.add(f.get(100, TimeUnit.MILLISECONDS));
            break;
          } catch (TimeoutException e) {
            progress.update(stage, done.getAsLong(), total);
            if (progress.isCancelled()) {
              stop.set(true);
              throw new CancelledException();
            }
          }
        }
      }
      progress.checkCancelled();
      return out;
    } catch (InterruptedException e) {
      stop.set(true);
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      stop.set(true);
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}

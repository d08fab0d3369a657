package org.databoost.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed set of daemon worker threads for one projection; the calling thread takes part, so one
 * thread means no pool at all. Closed when the projection ends.
 */
final class Workers implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();
  private final int threads;
  private final ExecutorService pool;

  Workers(int threads) {
    this.threads = threads;
    if (threads > 1) {
      int id = POOLS.incrementAndGet();
      AtomicInteger count = new AtomicInteger();
      pool =
          Executors.newFixedThreadPool(
              threads - 1,
              r -> {
                Thread t = new Thread(r, "umap-" + id + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
    } else {
      pool = null;
    }
  }

  int threads() {
    return threads;
  }

  /** Runs {@code body.accept(t)} for t = 0..threads-1 in parallel and waits for all of them. */
  void runAll(IntConsumer body) {
    if (pool == null) {
      body.accept(0);
      return;
    }
    List<Future<?>> futures = new ArrayList<>(threads - 1);
    for (int t = 1; t < threads; t++) {
      int part = t;
      futures.add(pool.submit(() -> body.accept(part)));
    }
    RuntimeException failure = null;
    try {
      body.accept(0);
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for workers", e);
      } catch (ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof RuntimeException re
                  ? re
                  : new IllegalStateException(e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}

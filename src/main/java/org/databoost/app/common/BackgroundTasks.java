package org.databoost.app.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one app-wide executor for background work (scans, training, exports): named daemon threads,
 * so a stuck job never keeps the program alive, and an uncaught-exception handler that logs.
 */
public final class BackgroundTasks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

  private final ExecutorService executor;

  public BackgroundTasks(int threads) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "databoost-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          t.setUncaughtExceptionHandler(
              (thread, e) -> LOG.error("uncaught exception in {}", thread.getName(), e));
          return t;
        };
    this.executor = Executors.newFixedThreadPool(threads, factory);
  }

  public ExecutorService executor() {
    return executor;
  }

  @Override
  public void close() {
    // Let queued clean-up (closing the workspace) run; then stop whatever still runs.
    executor.shutdown();
    try {
      if (!executor.awaitTermination(3, TimeUnit.SECONDS)) {
        LOG.warn("background work still running at exit");
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.databoost.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;

/**
 * Checks candidates on a small fixed pool, returning results in candidate order. Only the calling
 * thread talks to {@link Progress}, so a UI adapter need not be thread-safe.
 */
final class ParallelChecks {
  private static final String STAGE = "Checking images";
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final ImageChecker checker;
  private final int threads;

  ParallelChecks(ImageChecker checker, int threads) {
    this.checker = checker;
    this.threads = threads;
  }

  List<ImageChecker.Result> run(List<Candidate> candidates, Progress progress) {
    int total = candidates.size();
    progress.update(STAGE, 0, total);
    List<ImageChecker.Result> results = new ArrayList<>(total);
    if (threads == 1) {
      for (Candidate c : candidates) {
        progress.checkCancelled();
        results.add(checker.check(c));
        progress.update(STAGE, results.size(), total);
      }
      return results;
    }
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      List<Future<ImageChecker.Result>> futures = new ArrayList<>(total);
      for (Candidate c : candidates) {
        // Workers skip the files still queued once the user cancels.
        futures.add(pool.submit(() -> stop.get() ? null : checker.check(c)));
      }
      for (Future<ImageChecker.Result> f : futures) {
        if (progress.isCancelled()) {
          stop.set(true);
          throw new CancelledException();
        }
        results.add(f.get());
        progress.update(STAGE, results.size(), total);
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      throw new IllegalStateException("checking an image failed unexpectedly", e.getCause());
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
  }

  private static ThreadFactory daemonThreads() {
    int pool = POOL_NUMBER.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "databoost-scan-" + pool + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

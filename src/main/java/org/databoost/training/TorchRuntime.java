package org.databoost.training;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.databoost.task.Progress;

/**
 * The process-wide facts of the PyTorch engine that training has to respect, in one place: thread
 * counts, per-thread gradient mode, seeding, and the single gradient collector per JVM.
 */
final class TorchRuntime {
  static final String ENGINE = "PyTorch";
  private static final String THREADS = "ai.djl.pytorch.num_threads";
  private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

  /** PyTorch allows one gradient collector at a time in a JVM: one training at a time. */
  private static final ReentrantLock TRAINING = new ReentrantLock();

  private TorchRuntime() {}

  /**
   * Starts the engine if needed and makes the calling thread (and threads started later) use {@code
   * threads} intra-op threads. The properties only count before the engine starts (the inter-op
   * pool cannot change afterwards); the intra-op count is re-applied on this thread because PyTorch
   * keeps it per OpenMP thread.
   */
  static Engine start(int threads) {
    if (System.getProperty(THREADS) == null) {
      System.setProperty(THREADS, Integer.toString(threads));
    }
    if (System.getProperty(INTEROP_THREADS) == null) {
      System.setProperty(INTEROP_THREADS, "1");
    }
    Engine engine = Engine.getEngine(ENGINE);
    if (JniUtils.getNumThreads() != threads) {
      JniUtils.setNumThreads(threads);
    }
    return engine;
  }

  /** Gradient mode is per thread in PyTorch and on by default: switch it off for inference. */
  static void noGradients() {
    JniUtils.setGradMode(false);
  }

  /** Seeds the engine's generator (weight initialisation). */
  static void seed(long seed) {
    Engine.getEngine(ENGINE).setRandomSeed((int) (seed ^ (seed >>> 32)));
  }

  /**
   * Waits for the training lock, giving up when the work is cancelled. The caller must {@link
   * #release()} it.
   */
  static void acquire(Progress progress) {
    try {
      while (!TRAINING.tryLock(100, TimeUnit.MILLISECONDS)) {
        progress.update("waiting for another training to finish", 0, -1);
        progress.checkCancelled();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new org.databoost.task.CancelledException();
    }
  }

  static void release() {
    TRAINING.unlock();
  }
}

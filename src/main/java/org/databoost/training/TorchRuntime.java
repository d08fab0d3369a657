package org.databoost.training;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide facts of the PyTorch engine that training has to respect, in one place: thread
 * counts, per-thread gradient mode, seeding, and the single gradient collector per JVM.
 *
 * <p>One fact cannot be handled from inside the JVM: glibc's allocator must be told at process
 * start not to unmap PyTorch's buffers after every operation ({@link NativeMemory}), or training
 * runs up to 2.5x slower (docs/training.md).
 */
final class TorchRuntime {
  static final String ENGINE = "PyTorch";

  /** Environment for a JVM that trains: see {@link NativeMemory}. */
  static final Map<String, String> MALLOC_ENVIRONMENT = NativeMemory.ENVIRONMENT;

  private static final String THREADS = "ai.djl.pytorch.num_threads";
  private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

  private static final Logger LOG = LoggerFactory.getLogger(TorchRuntime.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

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
    if (!mallocTuned() && WARNED.compareAndSet(false, true)) {
      LOG.warn(
          "glibc malloc is not tuned for training (set {} in the environment): expect training"
              + " up to 2.5x slower",
          MALLOC_ENVIRONMENT);
    }
    Engine engine = Engine.getEngine(ENGINE);
    Nnpack.disable();
    if (JniUtils.getNumThreads() != threads) {
      JniUtils.setNumThreads(threads);
    }
    return engine;
  }

  /**
   * Makes this process's engine use one intra-op and one inter-op thread whatever it inherited: a
   * fold worker shares the cores with its siblings (call before the engine starts).
   */
  static void oneThreadEach() {
    System.setProperty(THREADS, "1");
    System.setProperty(INTEROP_THREADS, "1");
  }

  /** Whether this process was started with {@link #MALLOC_ENVIRONMENT}. */
  static boolean mallocTuned() {
    return NativeMemory.isTuned();
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
      throw new CancelledException();
    }
  }

  static void release() {
    TRAINING.unlock();
  }
}

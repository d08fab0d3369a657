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
 * The one place that sets up libtorch, for training and for the embedders alike: the engine's
 * thread pools, NNPACK ({@link Nnpack}), per-thread gradient mode, seeding, and the single gradient
 * collector per JVM (docs/training.md has the measurements).
 *
 * <p>The thread rule. The first {@link #start} fixes the pools, which cannot change afterwards: the
 * intra-op default of every thread is {@value #THREADS} when the user set it, else the first
 * caller's count, and there is one inter-op thread ({@value #INTEROP_THREADS}, same rule). Each
 * {@link #start(int)} then gives the calling thread {@code threads} intra-op threads, because
 * PyTorch keeps that count per thread. A caller with no count of its own (the embedders, the
 * presets) passes {@link #defaultThreads()}: the user's {@value #THREADS}, else one per core but
 * one (the UI and the decoders keep a core).
 *
 * <p>One fact cannot be handled from inside the JVM: glibc's allocator must be told at process
 * start not to unmap PyTorch's buffers after every operation ({@link NativeMemory}), or training
 * runs up to 2.5x slower.
 */
public final class TorchEngine {
  /** The DJL engine name; every model names it. */
  public static final String ENGINE = "PyTorch";

  /** Environment for a JVM that trains: see {@link NativeMemory}. */
  static final Map<String, String> MALLOC_ENVIRONMENT = NativeMemory.ENVIRONMENT;

  private static final String THREADS = "ai.djl.pytorch.num_threads";
  private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

  /** The user's intra-op count, read before {@link #start} sets the property itself. */
  private static final Integer USER_THREADS = Integer.getInteger(THREADS);

  private static final Logger LOG = LoggerFactory.getLogger(TorchEngine.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  /** PyTorch allows one gradient collector at a time in a JVM: one training at a time. */
  private static final ReentrantLock TRAINING = new ReentrantLock();

  private TorchEngine() {}

  /** One per core but one, at least one. */
  public static int coresButOne() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  /** The intra-op count for a caller with none of its own: the user's, else cores but one. */
  public static int defaultThreads() {
    return USER_THREADS != null && USER_THREADS > 0 ? USER_THREADS : coresButOne();
  }

  /**
   * Starts the engine if needed (the first call fixes the pools, see the class comment) and gives
   * the calling thread {@code threads} intra-op threads.
   */
  public static Engine start(int threads) {
    if (System.getProperty(THREADS) == null) {
      System.setProperty(THREADS, Integer.toString(threads));
    }
    if (System.getProperty(INTEROP_THREADS) == null) {
      System.setProperty(INTEROP_THREADS, "1");
    }
    Engine engine = Engine.getEngine(ENGINE);
    Nnpack.disable();
    swapThreads(threads);
    return engine;
  }

  /**
   * Sets the intra-op threads of the calling thread (the engine must be started) and returns the
   * previous count, so a job can lend the model every core for a while and give them back.
   */
  public static int swapThreads(int threads) {
    int previous = JniUtils.getNumThreads();
    if (previous != threads) {
      JniUtils.setNumThreads(threads);
    }
    return previous;
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
  public static void noGradients() {
    JniUtils.setGradMode(false);
  }

  /** Seeds the engine's generator (weight initialisation). */
  public static void seed(long seed) {
    Engine.getEngine(ENGINE).setRandomSeed((int) (seed ^ (seed >>> 32)));
  }

  /**
   * Waits for the training lock, giving up when the work is cancelled. The caller must {@link
   * #release()} it. Warns once when glibc's allocator is not tuned for training.
   */
  static void acquire(Progress progress) {
    if (!mallocTuned() && WARNED.compareAndSet(false, true)) {
      LOG.warn(
          "glibc malloc is not tuned for training (set {} in the environment): expect training"
              + " up to 2.5x slower",
          MALLOC_ENVIRONMENT);
    }
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

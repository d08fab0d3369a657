package org.databoost.embedding;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.databoost.training.Nnpack;

/**
 * The PyTorch engine facts the embedders respect (docs/training.md has the measurements): thread
 * counts must be set before the engine starts, PyTorch keeps the intra-op count per thread, and
 * gradient mode is per thread and on by default.
 */
public final class TorchSetup {
  /** The DJL engine name. */
  public static final String ENGINE = "PyTorch";

  private static final String THREADS = "ai.djl.pytorch.num_threads";
  private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

  private TorchSetup() {}

  /** One intra-op thread per core but one (the UI and the decoders keep a core), at least one. */
  public static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  /**
   * Starts the engine if needed; the calling thread uses {@code threads} intra-op threads unless
   * the user set {@value #THREADS}.
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
    int wanted = Integer.parseInt(System.getProperty(THREADS));
    if (JniUtils.getNumThreads() != wanted) {
      JniUtils.setNumThreads(wanted);
    }
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

  /** Switches gradients off on the calling thread (inference). */
  public static void noGradients() {
    JniUtils.setGradMode(false);
  }
}

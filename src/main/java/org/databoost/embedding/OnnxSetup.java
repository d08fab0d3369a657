package org.databoost.embedding;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.databoost.training.TorchEngine;

/**
 * The ONNX Runtime engine as the embedders use it. The PyTorch engine stays DJL's default (it has
 * the lower rank); everything that wants ONNX Runtime names it.
 */
public final class OnnxSetup {
  /** The DJL engine name. */
  public static final String ENGINE = "OnnxRuntime";

  private static final String THREADS = "ai.djl.onnxruntime.num_threads";

  /**
   * DJL gives every ONNX Runtime array manager a PyTorch "alternative" manager for operations ONNX
   * Runtime lacks, which starts the PyTorch engine (about 430 MB unpacked on a first start). The
   * embedders only create arrays and read results, so an ONNX-only run does without it.
   */
  private static final String NO_ALTERNATIVE = "ai.djl.onnx.disable_alternative";

  private OnnxSetup() {}

  /** Starts the engine if needed. */
  public static Engine start() {
    if (System.getProperty(NO_ALTERNATIVE) == null) {
      System.setProperty(NO_ALTERNATIVE, "true");
    }
    return Engine.getEngine(ENGINE);
  }

  /**
   * Session options for inference: {@value #THREADS} intra-op threads when the user set it, else
   * one per core but one (as {@link TorchEngine#coresButOne()}), one inter-op thread, sequential
   * execution. The caller closes them after the session.
   */
  static OrtSession.SessionOptions sessionOptions() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    try {
      options.setIntraOpNumThreads(Integer.getInteger(THREADS, TorchEngine.coresButOne()));
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      return options;
    } catch (OrtException | RuntimeException e) {
      options.close();
      throw e;
    }
  }
}

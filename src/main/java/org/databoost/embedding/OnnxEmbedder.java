package org.databoost.embedding;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.onnxruntime.engine.OrtNDManager;
import ai.djl.onnxruntime.engine.OrtSymbolBlock;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * An ONNX file the user picked ({@code torch.onnx.export}, tf2onnx, ...) as an embedder, run on the
 * CPU by DJL's ONNX Runtime engine. The network must take one float tensor {@code N x C x H x W}
 * (prepared by an {@link InputSpec}) and return one float tensor; its output, flattened per image
 * (all values after the batch axis, in row-major order), L2-normalised, is the vector, as for
 * {@link TorchScriptEmbedder}. A network exported with a fixed batch size (torch.onnx.export's
 * default) gets batches of exactly that size.
 *
 * <p>The file is checked when it is loaded, and refused with a message that names it and says what
 * is wrong: not there, not a model ONNX Runtime can load (damaged, or made for a newer ONNX
 * Runtime), more than one input or output, an input that is not a float image batch, or one whose
 * fixed channels or size differ from the input spec.
 *
 * <p>The name carries a digest of the file and of the input spec, so changing either gives new
 * cached vectors.
 */
public final class OnnxEmbedder extends ScriptedEmbedder {
  private static final String ENGINE_LABEL = "ONNX Runtime";

  private final String name;
  private final OrtSession.SessionOptions options;

  private OnnxEmbedder(
      Model model, InputSpec spec, int fixedBatch, String name, OrtSession.SessionOptions options) {
    super(model, spec, fixedBatch);
    this.name = name;
    this.options = options;
  }

  /**
   * Loads {@code file} on the CPU, checks its input and output, and runs one blank image.
   *
   * @throws IllegalArgumentException with a user-readable reason, naming the file
   */
  public static OnnxEmbedder load(Path file, InputSpec spec) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no ONNX file at " + file);
    }
    String digest = ModelFiles.digest(file, spec);
    String runtime = ENGINE_LABEL + " " + OnnxSetup.start().getVersion();
    OrtSession.SessionOptions options;
    OrtSession session;
    try {
      options = OnnxSetup.sessionOptions();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot configure " + runtime + ": " + e.getMessage(), e);
    }
    try {
      session =
          OrtEnvironment.getEnvironment().createSession(file.toAbsolutePath().toString(), options);
    } catch (OrtException | RuntimeException e) {
      options.close();
      throw new IllegalArgumentException(
          file
              + " is not an ONNX model that "
              + runtime
              + " can load (a damaged file, another format, or a model made for a newer ONNX"
              + " Runtime): "
              + ModelFiles.firstLine(e),
          e);
    }
    Model model = Model.newInstance("onnx-embedder", Device.cpu(), OnnxSetup.ENGINE);
    int fixedBatch;
    try {
      fixedBatch = check(file, session, spec);
      model.setBlock(new OrtSymbolBlock(session, (OrtNDManager) model.getNDManager()));
    } catch (OrtException | RuntimeException e) {
      closeQuietly(session);
      model.close();
      options.close();
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException(
          file + " cannot be inspected by " + runtime + ": " + ModelFiles.firstLine(e), e);
    }
    try {
      return new OnnxEmbedder(model, spec, fixedBatch, "onnx-" + digest + "-v1", options);
    } catch (RuntimeException e) {
      model.close(); // closes the block and its session
      options.close();
      throw new IllegalArgumentException(
          file
              + " does not turn a "
              + ModelFiles.batchText(spec)
              + " image batch into one output tensor: "
              + ModelFiles.firstLine(e),
          e);
    }
  }

  /**
   * Refuses what an image embedder cannot feed or read; returns the fixed batch size, or 0 when the
   * batch axis is free.
   */
  private static int check(Path file, OrtSession session, InputSpec spec) throws OrtException {
    Map<String, NodeInfo> inputs = session.getInputInfo();
    Map<String, NodeInfo> outputs = session.getOutputInfo();
    if (inputs.size() != 1) {
      throw new IllegalArgumentException(
          file
              + " takes "
              + inputs.size()
              + " inputs "
              + inputs.keySet()
              + "; an image embedder needs a network with one image input");
    }
    if (outputs.size() != 1) {
      throw new IllegalArgumentException(
          file
              + " returns "
              + outputs.size()
              + " outputs "
              + outputs.keySet()
              + "; an image embedder needs a network with one output (the embedding)");
    }
    NodeInfo input = inputs.values().iterator().next();
    TensorInfo in = floatTensor(file, "input", input);
    floatTensor(file, "output", outputs.values().iterator().next());
    long[] shape = in.getShape();
    long[] wanted = {spec.channels(), spec.height(), spec.width()};
    if (shape.length != 4) {
      throw new IllegalArgumentException(
          file
              + " takes input '"
              + input.getName()
              + "' of shape "
              + shapeText(shape)
              + "; an image embedder feeds a batch N x C x H x W (here N x "
              + ModelFiles.batchText(spec)
              + ")");
    }
    for (int i = 0; i < 3; i++) {
      if (shape[i + 1] > 0 && shape[i + 1] != wanted[i]) {
        throw new IllegalArgumentException(
            file
                + " takes input '"
                + input.getName()
                + "' of shape "
                + shapeText(shape)
                + " (N x C x H x W) but the input spec gives N x "
                + ModelFiles.batchText(spec)
                + suggestion(shape, spec));
      }
    }
    return shape[0] > 0 ? Math.toIntExact(shape[0]) : 0;
  }

  private static TensorInfo floatTensor(Path file, String what, NodeInfo node) {
    ValueInfo info = node.getInfo();
    if (!(info instanceof TensorInfo t)) {
      throw new IllegalArgumentException(
          file + ": its " + what + " '" + node.getName() + "' is not a tensor but " + info);
    }
    if (t.type != OnnxJavaType.FLOAT) {
      throw new IllegalArgumentException(
          file
              + ": its "
              + what
              + " '"
              + node.getName()
              + "' is of type "
              + t.type
              + "; an image embedder needs float32");
    }
    return t;
  }

  /** The input spec settings that match the model's fixed dimensions. */
  private static String suggestion(long[] shape, InputSpec spec) {
    long c = shape[1] > 0 ? shape[1] : spec.channels();
    long h = shape[2] > 0 ? shape[2] : spec.height();
    long w = shape[3] > 0 ? shape[3] : spec.width();
    String size = w == h ? Long.toString(w) : w + "x" + h;
    return "; describe the model's input instead (on the command line: --channels "
        + c
        + " --input-size "
        + size
        + ")";
  }

  /** A shape as {@code [N, 3, 224, 224]}: N for a free batch axis, ? for another free one. */
  private static String shapeText(long[] shape) {
    String[] dims = new String[shape.length];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape[i] > 0 ? Long.toString(shape[i]) : i == 0 ? "N" : "?";
    }
    return Arrays.toString(dims);
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException | RuntimeException ignored) {
      // Closing after a failed check: the check's error is the one to report.
    }
  }

  @Override
  protected void onInferenceThread() {
    // ONNX Runtime has no per-thread state to set.
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    super.close();
    options.close();
  }
}

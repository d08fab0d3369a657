package org.databoost.embedding;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.databoost.training.TorchEngine;

/**
 * A TorchScript file the user picked ({@code torch.jit.script} or {@code torch.jit.trace}, then
 * {@code .save}) as an embedder. The network gets one batch tensor {@code N x C x H x W} prepared
 * by an {@link InputSpec}; its output, flattened per image (all values after the batch axis, in
 * row-major order), L2-normalised, is the vector. A network that returns a tuple or a dictionary is
 * refused when it is loaded.
 *
 * <p>The name carries a digest of the file and of the input spec, so changing either gives new
 * cached vectors.
 */
public final class TorchScriptEmbedder extends ScriptedEmbedder {
  private final String name;

  private TorchScriptEmbedder(Model model, InputSpec spec, String name) {
    super(model, spec);
    this.name = name;
  }

  /**
   * Loads {@code file} on the CPU and checks it with one blank image.
   *
   * @throws IllegalArgumentException with a user-readable reason when there is no such file, it is
   *     not TorchScript, or the network does not accept the input or return one tensor
   */
  public static TorchScriptEmbedder load(Path file, InputSpec spec) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no TorchScript file at " + file);
    }
    String digest = ModelFiles.digest(file, spec);
    TorchEngine.start(TorchEngine.defaultThreads());
    Model model = Model.newInstance("torchscript-embedder", Device.cpu(), TorchEngine.ENGINE);
    try {
      model.load(file.toAbsolutePath());
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new IllegalArgumentException(
          file
              + " is not a TorchScript file that PyTorch "
              + "can load (save one with torch.jit.script(model).save(path) or"
              + " torch.jit.trace(model, example).save(path)): "
              + ModelFiles.firstLine(e),
          e);
    }
    try {
      return new TorchScriptEmbedder(model, spec, "torchscript-" + digest + "-v1");
    } catch (RuntimeException e) {
      model.close();
      throw new IllegalArgumentException(
          file
              + " does not turn a "
              + ModelFiles.batchText(spec)
              + " image batch into one output tensor: "
              + ModelFiles.firstLine(e),
          e);
    }
  }

  @Override
  protected void onInferenceThread() {
    TorchEngine.noGradients();
  }

  @Override
  public String name() {
    return name;
  }
}

package org.databoost.embedding;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
    String digest = digest(file, spec);
    TorchSetup.start(TorchSetup.defaultThreads());
    Model model = Model.newInstance("torchscript-embedder", Device.cpu(), TorchSetup.ENGINE);
    try {
      model.load(file.toAbsolutePath());
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new IllegalArgumentException(
          file
              + " is not a TorchScript file that PyTorch "
              + "can load (save one with torch.jit.script(model).save(path) or"
              + " torch.jit.trace(model, example).save(path)): "
              + firstLine(e),
          e);
    }
    try {
      return new TorchScriptEmbedder(model, spec, "torchscript-" + digest + "-v1");
    } catch (RuntimeException e) {
      model.close();
      throw new IllegalArgumentException(
          file
              + " does not turn a "
              + spec.channels()
              + "x"
              + spec.height()
              + "x"
              + spec.width()
              + " image batch into one output tensor: "
              + firstLine(e),
          e);
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage()).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** 12 hex digits of SHA-256 over the file and the input spec. */
  private static String digest(Path file, InputSpec spec) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      d.update(spec.key().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest(), 0, 6);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String name() {
    return name;
  }
}

package org.databoost.training;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches libtorch's NNPACK convolutions off, as Python's {@code torch.backends.nnpack.enabled =
 * False} does; DJL has no switch for it.
 *
 * <p>Why: on a CPU that NNPACK does not support (this machine's AMD EPYC, for one), libtorch 2.7.1
 * asks NNPACK about every convolution that might use it (batch ≥ 16 or not, 1x1 stride 1 at one
 * thread) and logs "Could not initialize NNPACK! Reason: Unsupported hardware." each time: about 14
 * lines per training step, each formatted and written to stderr. Measured with docs/training.md's
 * probe: training at batch 8 gains about 5% and the log stays clean. Where NNPACK works, PyTorch's
 * other kernels are what it falls back to anyway.
 *
 * <p>How: {@code at::globalContext().setUserEnabledNNPACK(false)} called through JNA on the
 * exported C++ symbols of the {@code libtorch_cpu.so} DJL loaded (Itanium ABI: the {@code this}
 * pointer is the first argument). Best effort: when a symbol is missing (another libtorch build)
 * nothing changes but a debug line.
 */
public final class Nnpack {
  private static final Logger LOG = LoggerFactory.getLogger(Nnpack.class);
  private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
  private static final String SET_ENABLED = "_ZN2at7Context20setUserEnabledNNPACKEb";
  private static final String IS_ENABLED = "_ZNK2at7Context17userEnabledNNPACKEv";

  /** The outcome of the first call: null until then. */
  private static Boolean disabled;

  private Nnpack() {}

  /**
   * Switches NNPACK off once per process (the PyTorch engine must be loaded); returns whether it is
   * off now.
   */
  public static synchronized boolean disable() {
    if (disabled != null) {
      return disabled;
    }
    boolean off = false;
    try {
      Path lib = Path.of(LibUtils.getLibtorchPath()).resolve(libraryName());
      NativeLibrary torch = NativeLibrary.getInstance(lib.toString());
      Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
      torch.getFunction(SET_ENABLED).invokeVoid(new Object[] {context, (byte) 0});
      off = !enabled(torch, context);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      LOG.debug("could not switch NNPACK off; libtorch keeps its default", e);
    }
    disabled = off;
    return off;
  }

  /** Whether NNPACK is still enabled in the loaded libtorch (true when it cannot tell). */
  public static boolean enabled() {
    try {
      NativeLibrary torch =
          NativeLibrary.getInstance(
              Path.of(LibUtils.getLibtorchPath()).resolve(libraryName()).toString());
      Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
      return enabled(torch, context);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      return true;
    }
  }

  private static boolean enabled(NativeLibrary torch, Pointer context) {
    // A C++ bool comes back in the low byte of the return register.
    return (torch.getFunction(IS_ENABLED).invokeInt(new Object[] {context}) & 0xff) != 0;
  }

  private static String libraryName() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      return "torch_cpu.dll";
    }
    return os.contains("mac") ? "libtorch_cpu.dylib" : "libtorch_cpu.so";
  }
}

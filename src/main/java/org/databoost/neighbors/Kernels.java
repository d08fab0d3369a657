package org.databoost.neighbors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the dot-product kernel once: the Vector API kernel when the JVM was started with {@code
 * --add-modules jdk.incubator.vector} (the build, the tests and the relaunched program all add it),
 * otherwise the scalar one, with a warning. Nothing fails without the module; search is only
 * slower.
 */
final class Kernels {
  private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);
  static final String MODULE = "jdk.incubator.vector";
  private static final DotKernel BEST = load();

  private Kernels() {}

  static DotKernel best() {
    return BEST;
  }

  static boolean vectorApiAvailable() {
    return BEST != ScalarKernel.INSTANCE;
  }

  private static DotKernel load() {
    if (Boolean.getBoolean("databoost.scalarKnn")) {
      return ScalarKernel.INSTANCE;
    }
    if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
      LOG.warn(
          "{} is not enabled (start Java with --add-modules {}): nearest-neighbour search uses"
              + " scalar loops, several times slower",
          MODULE,
          MODULE);
      return ScalarKernel.INSTANCE;
    }
    try {
      DotKernel k = new VectorKernel();
      float[] probe = {1f, 2f, 3f};
      if (k.dot(probe, 0, probe, 0, 3) != 14f) {
        throw new IllegalStateException("vector kernel self-check failed");
      }
      return k;
    } catch (LinkageError | RuntimeException e) {
      LOG.warn("Vector API kernel unavailable ({}); using scalar loops", e.toString());
      return ScalarKernel.INSTANCE;
    }
  }
}

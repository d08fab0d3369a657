package org.databoost.neighbors;

/**
 * Plain Java loops: the reference the vector kernel is tested against, and the fallback when the
 * {@code jdk.incubator.vector} module is absent (about 6x slower: C2 does not vectorise float
 * reductions).
 */
final class ScalarKernel implements DotKernel {
  static final ScalarKernel INSTANCE = new ScalarKernel();

  private ScalarKernel() {}

  @Override
  public void scores(
      float[] q, int qOff, int nq, float[] rows, int rOff, int nr, int dim, float[] out) {
    for (int qi = 0; qi < nq; qi++) {
      for (int r = 0; r < nr; r++) {
        out[qi * nr + r] = dot(q, qOff + qi * dim, rows, rOff + r * dim, dim);
      }
    }
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int dim) {
    float s = 0f;
    for (int i = 0; i < dim; i++) {
      s += a[aOff + i] * b[bOff + i];
    }
    return s;
  }

  @Override
  public String name() {
    return "scalar";
  }
}

package org.databoost.projection;

import smile.math.blas.BLAS;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;

/**
 * Block dot products as one OpenBLAS sgemm (Smile's bundled natives); OpenBLAS runs its own
 * threads, so callers do not split the rows. About 7x the plain Java kernel here.
 */
final class BlasBlockScorer implements BlockScorer {
  private final BLAS blas;

  private BlasBlockScorer(BLAS blas) {
    this.blas = blas;
  }

  /** Null when the native library cannot be loaded on this platform. */
  static BlasBlockScorer tryCreate() {
    try {
      BLAS engine = BLAS.engine;
      return engine == null ? null : new BlasBlockScorer(engine);
    } catch (LinkageError | RuntimeException e) {
      return null;
    }
  }

  @Override
  public void score(float[] q, float[] b, int bn, int d, float[] out, int rowFrom, int rowTo) {
    int qn = rowTo - rowFrom;
    if (rowFrom != 0) {
      throw new IllegalArgumentException("the BLAS scorer scores whole blocks");
    }
    blas.gemm(
        Layout.ROW_MAJOR,
        Transpose.NO_TRANSPOSE,
        Transpose.TRANSPOSE,
        qn,
        bn,
        d,
        1f,
        q,
        d,
        b,
        d,
        0f,
        out,
        bn);
  }

  @Override
  public boolean parallel() {
    return false;
  }
}

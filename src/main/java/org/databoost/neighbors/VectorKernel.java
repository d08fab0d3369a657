package org.databoost.neighbors;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The JDK Vector API kernel: four queries against two rows per step with fused multiply-adds, so
 * each loaded vector feeds several products (a one-query loop is bound by loads, not arithmetic).
 * Only loaded when the {@code jdk.incubator.vector} module is present (see {@link Kernels}).
 */
final class VectorKernel implements DotKernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  @Override
  public void scores(
      float[] q, int qOff, int nq, float[] rows, int rOff, int nr, int dim, float[] out) {
    int qi = 0;
    for (; qi + 4 <= nq; qi += 4) {
      int r = 0;
      for (; r + 2 <= nr; r += 2) {
        block4x2(q, qOff + qi * dim, rows, rOff + r * dim, dim, out, qi * nr + r, nr);
      }
      for (; r < nr; r++) {
        for (int j = 0; j < 4; j++) {
          out[(qi + j) * nr + r] = dot(q, qOff + (qi + j) * dim, rows, rOff + r * dim, dim);
        }
      }
    }
    for (; qi < nq; qi++) {
      int r = 0;
      for (; r + 4 <= nr; r += 4) {
        block1x4(q, qOff + qi * dim, rows, rOff + r * dim, dim, out, qi * nr + r);
      }
      for (; r < nr; r++) {
        out[qi * nr + r] = dot(q, qOff + qi * dim, rows, rOff + r * dim, dim);
      }
    }
  }

  private static void block4x2(
      float[] q, int qo, float[] x, int xo, int dim, float[] out, int o, int stride) {
    FloatVector a00 = FloatVector.zero(S), a01 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S), a11 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S), a21 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S), a31 = FloatVector.zero(S);
    int upper = S.loopBound(dim);
    int i = 0;
    for (; i < upper; i += L) {
      FloatVector x0 = FloatVector.fromArray(S, x, xo + i);
      FloatVector x1 = FloatVector.fromArray(S, x, xo + dim + i);
      FloatVector q0 = FloatVector.fromArray(S, q, qo + i);
      a00 = q0.fma(x0, a00);
      a01 = q0.fma(x1, a01);
      FloatVector q1 = FloatVector.fromArray(S, q, qo + dim + i);
      a10 = q1.fma(x0, a10);
      a11 = q1.fma(x1, a11);
      FloatVector q2 = FloatVector.fromArray(S, q, qo + 2 * dim + i);
      a20 = q2.fma(x0, a20);
      a21 = q2.fma(x1, a21);
      FloatVector q3 = FloatVector.fromArray(S, q, qo + 3 * dim + i);
      a30 = q3.fma(x0, a30);
      a31 = q3.fma(x1, a31);
    }
    out[o] = tail(a00, q, qo, x, xo, i, dim);
    out[o + 1] = tail(a01, q, qo, x, xo + dim, i, dim);
    out[o + stride] = tail(a10, q, qo + dim, x, xo, i, dim);
    out[o + stride + 1] = tail(a11, q, qo + dim, x, xo + dim, i, dim);
    out[o + 2 * stride] = tail(a20, q, qo + 2 * dim, x, xo, i, dim);
    out[o + 2 * stride + 1] = tail(a21, q, qo + 2 * dim, x, xo + dim, i, dim);
    out[o + 3 * stride] = tail(a30, q, qo + 3 * dim, x, xo, i, dim);
    out[o + 3 * stride + 1] = tail(a31, q, qo + 3 * dim, x, xo + dim, i, dim);
  }

  private static void block1x4(float[] q, int qo, float[] x, int xo, int dim, float[] out, int o) {
    FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S);
    FloatVector a2 = FloatVector.zero(S), a3 = FloatVector.zero(S);
    int upper = S.loopBound(dim);
    int i = 0;
    for (; i < upper; i += L) {
      FloatVector qv = FloatVector.fromArray(S, q, qo + i);
      a0 = qv.fma(FloatVector.fromArray(S, x, xo + i), a0);
      a1 = qv.fma(FloatVector.fromArray(S, x, xo + dim + i), a1);
      a2 = qv.fma(FloatVector.fromArray(S, x, xo + 2 * dim + i), a2);
      a3 = qv.fma(FloatVector.fromArray(S, x, xo + 3 * dim + i), a3);
    }
    out[o] = tail(a0, q, qo, x, xo, i, dim);
    out[o + 1] = tail(a1, q, qo, x, xo + dim, i, dim);
    out[o + 2] = tail(a2, q, qo, x, xo + 2 * dim, i, dim);
    out[o + 3] = tail(a3, q, qo, x, xo + 3 * dim, i, dim);
  }

  @Override
  public int transposedBlock() {
    return 4 * L;
  }

  /**
   * The GEMM-style kernel: for each dimension, one broadcast query value times four vectors of
   * rows; 16 accumulators and no horizontal sums, so the FMA units, not shuffles, set the pace.
   */
  @Override
  public void scoresTransposed(
      float[] q, int qOff, int nq, float[] tile, int pad, int dim, float[] out) {
    for (int r = 0; r < pad; r += 4 * L) {
      if (nq == 4) {
        block4x4T(q, qOff, tile, pad, r, dim, out);
      } else {
        for (int qi = 0; qi < nq; qi++) {
          block1x4T(q, qOff + qi * dim, tile, pad, r, dim, out, qi * pad + r);
        }
      }
    }
  }

  private static void block4x4T(
      float[] q, int qo, float[] t, int pad, int r, int dim, float[] out) {
    FloatVector a00 = FloatVector.zero(S), a01 = FloatVector.zero(S);
    FloatVector a02 = FloatVector.zero(S), a03 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S), a11 = FloatVector.zero(S);
    FloatVector a12 = FloatVector.zero(S), a13 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S), a21 = FloatVector.zero(S);
    FloatVector a22 = FloatVector.zero(S), a23 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S), a31 = FloatVector.zero(S);
    FloatVector a32 = FloatVector.zero(S), a33 = FloatVector.zero(S);
    for (int j = 0; j < dim; j++) {
      int o = j * pad + r;
      FloatVector x0 = FloatVector.fromArray(S, t, o);
      FloatVector x1 = FloatVector.fromArray(S, t, o + L);
      FloatVector x2 = FloatVector.fromArray(S, t, o + 2 * L);
      FloatVector x3 = FloatVector.fromArray(S, t, o + 3 * L);
      FloatVector b = FloatVector.broadcast(S, q[qo + j]);
      a00 = b.fma(x0, a00);
      a01 = b.fma(x1, a01);
      a02 = b.fma(x2, a02);
      a03 = b.fma(x3, a03);
      b = FloatVector.broadcast(S, q[qo + dim + j]);
      a10 = b.fma(x0, a10);
      a11 = b.fma(x1, a11);
      a12 = b.fma(x2, a12);
      a13 = b.fma(x3, a13);
      b = FloatVector.broadcast(S, q[qo + 2 * dim + j]);
      a20 = b.fma(x0, a20);
      a21 = b.fma(x1, a21);
      a22 = b.fma(x2, a22);
      a23 = b.fma(x3, a23);
      b = FloatVector.broadcast(S, q[qo + 3 * dim + j]);
      a30 = b.fma(x0, a30);
      a31 = b.fma(x1, a31);
      a32 = b.fma(x2, a32);
      a33 = b.fma(x3, a33);
    }
    int o = r;
    store(a00, a01, a02, a03, out, o);
    store(a10, a11, a12, a13, out, o + pad);
    store(a20, a21, a22, a23, out, o + 2 * pad);
    store(a30, a31, a32, a33, out, o + 3 * pad);
  }

  private static void block1x4T(
      float[] q, int qo, float[] t, int pad, int r, int dim, float[] out, int o) {
    FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S);
    FloatVector a2 = FloatVector.zero(S), a3 = FloatVector.zero(S);
    for (int j = 0; j < dim; j++) {
      int x = j * pad + r;
      FloatVector b = FloatVector.broadcast(S, q[qo + j]);
      a0 = b.fma(FloatVector.fromArray(S, t, x), a0);
      a1 = b.fma(FloatVector.fromArray(S, t, x + L), a1);
      a2 = b.fma(FloatVector.fromArray(S, t, x + 2 * L), a2);
      a3 = b.fma(FloatVector.fromArray(S, t, x + 3 * L), a3);
    }
    store(a0, a1, a2, a3, out, o);
  }

  private static void store(
      FloatVector a0, FloatVector a1, FloatVector a2, FloatVector a3, float[] out, int o) {
    a0.intoArray(out, o);
    a1.intoArray(out, o + L);
    a2.intoArray(out, o + 2 * L);
    a3.intoArray(out, o + 3 * L);
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int dim) {
    FloatVector acc = FloatVector.zero(S);
    int upper = S.loopBound(dim);
    int i = 0;
    for (; i < upper; i += L) {
      acc = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc);
    }
    return tail(acc, a, aOff, b, bOff, i, dim);
  }

  /** Lane sum plus the scalar remainder from {@code from}: the same steps for every pair. */
  private static float tail(
      FloatVector acc, float[] a, int ao, float[] b, int bo, int from, int dim) {
    float s = acc.reduceLanes(VectorOperators.ADD);
    for (int i = from; i < dim; i++) {
      s += a[ao + i] * b[bo + i];
    }
    return s;
  }

  @Override
  public String name() {
    return "vector-api-" + S.vectorBitSize() + "bit";
  }
}

package org.databoost.projection;

/**
 * Block dot products in plain Java: 4 x 4 register tiles with scalar FMAs (the JIT does not
 * vectorise float reductions), about 5 GFMA/s per core here. The fallback when OpenBLAS is absent.
 */
final class JavaBlockScorer implements BlockScorer {

  @Override
  public void score(float[] q, float[] b, int bn, int d, float[] out, int rowFrom, int rowTo) {
    int bEnd = (bn + 3) & ~3;
    int stride = bn;
    for (int r = rowFrom; r < rowTo; r += 4) {
      for (int c = 0; c < bEnd; c += 4) {
        tile(q, r * d, b, c * d, d, out, r, c, stride, bn);
      }
    }
  }

  @Override
  public boolean parallel() {
    return true;
  }

  private static void tile(
      float[] x, int qa, float[] y, int ra, int d, float[] out, int r, int c, int stride, int bn) {
    float s00 = 0, s01 = 0, s02 = 0, s03 = 0;
    float s10 = 0, s11 = 0, s12 = 0, s13 = 0;
    float s20 = 0, s21 = 0, s22 = 0, s23 = 0;
    float s30 = 0, s31 = 0, s32 = 0, s33 = 0;
    int a1 = qa + d, a2 = qa + 2 * d, a3 = qa + 3 * d;
    int b1 = ra + d, b2 = ra + 2 * d, b3 = ra + 3 * d;
    for (int i = 0; i < d; i++) {
      float x0 = x[qa + i], x1 = x[a1 + i], x2 = x[a2 + i], x3 = x[a3 + i];
      float y0 = y[ra + i], y1 = y[b1 + i], y2 = y[b2 + i], y3 = y[b3 + i];
      s00 = Math.fma(x0, y0, s00);
      s01 = Math.fma(x0, y1, s01);
      s02 = Math.fma(x0, y2, s02);
      s03 = Math.fma(x0, y3, s03);
      s10 = Math.fma(x1, y0, s10);
      s11 = Math.fma(x1, y1, s11);
      s12 = Math.fma(x1, y2, s12);
      s13 = Math.fma(x1, y3, s13);
      s20 = Math.fma(x2, y0, s20);
      s21 = Math.fma(x2, y1, s21);
      s22 = Math.fma(x2, y2, s22);
      s23 = Math.fma(x2, y3, s23);
      s30 = Math.fma(x3, y0, s30);
      s31 = Math.fma(x3, y1, s31);
      s32 = Math.fma(x3, y2, s32);
      s33 = Math.fma(x3, y3, s33);
    }
    put(out, r, c, stride, bn, s00, s01, s02, s03);
    put(out, r + 1, c, stride, bn, s10, s11, s12, s13);
    put(out, r + 2, c, stride, bn, s20, s21, s22, s23);
    put(out, r + 3, c, stride, bn, s30, s31, s32, s33);
  }

  private static void put(
      float[] out, int r, int c, int stride, int bn, float a, float b, float e, float f) {
    int o = r * stride + c;
    if (c + 3 < bn) {
      out[o] = a;
      out[o + 1] = b;
      out[o + 2] = e;
      out[o + 3] = f;
    } else {
      float[] v = {a, b, e, f};
      for (int j = 0; j < 4 && c + j < bn; j++) {
        out[o + j] = v[j];
      }
    }
  }
}

package org.databoost.neighbors;

/**
 * Inner products between a few query rows and a tile of base rows. Implementations must compute
 * each product in the same order wherever the pair falls in a tile, so that equal rows get
 * bit-identical scores (ties then break by id, deterministically).
 */
interface DotKernel {

  /**
   * Writes {@code out[qi * nr + r] = dot(query qi, row r)} for {@code qi < nq}, {@code r < nr}.
   * Queries start at {@code q[qOff]}, rows at {@code rows[rOff]}, both row-major with {@code dim}.
   */
  void scores(float[] q, int qOff, int nq, float[] rows, int rOff, int nr, int dim, float[] out);

  /** One inner product. */
  float dot(float[] a, int aOff, float[] b, int bOff, int dim);

  /** A short name for logs and benchmark output. */
  String name();
}

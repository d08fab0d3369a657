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

  /**
   * Rows per block of the transposed-tile layout, or 0 when this kernel has none. In that layout a
   * tile of {@code pad} rows (a multiple of this) is stored dimension-major: {@code tile[j * pad +
   * r]} is value j of row r, padded with zero rows.
   */
  default int transposedBlock() {
    return 0;
  }

  /**
   * Writes {@code out[qi * pad + r] = dot(query qi, row r)} for {@code qi < nq} (at most 4) and
   * every row of a transposed tile; only kernels with a {@link #transposedBlock()} support it.
   */
  default void scoresTransposed(
      float[] q, int qOff, int nq, float[] tile, int pad, int dim, float[] out) {
    throw new UnsupportedOperationException();
  }

  /** One inner product. */
  float dot(float[] a, int aOff, float[] b, int bOff, int dim);

  /** A short name for logs and benchmark output. */
  String name();
}

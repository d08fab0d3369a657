package org.databoost.projection;

/**
 * Dot products of a block of query rows against a block of base rows (row-major, {@code d} values
 * each, blocks zero-padded to a multiple of 4 rows): {@code out[r * bn + c] = q_r . b_c}.
 */
interface BlockScorer {

  /**
   * Scores query rows {@code [rowFrom, rowTo)} (multiples of 4, or all rows when {@link
   * #parallel()} is false).
   */
  void score(float[] q, float[] b, int bn, int d, float[] out, int rowFrom, int rowTo);

  /** Whether callers split the rows over workers; false when the scorer runs its own threads. */
  boolean parallel();

  /** OpenBLAS sgemm through Smile when its natives load, else {@link JavaBlockScorer}. */
  static BlockScorer best() {
    BlockScorer blas = BlasBlockScorer.tryCreate();
    return blas != null ? blas : new JavaBlockScorer();
  }
}

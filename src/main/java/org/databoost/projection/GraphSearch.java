package org.databoost.projection;

import java.util.Locale;
import org.databoost.neighbors.ExactSearch;
import org.databoost.neighbors.Neighbors;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;

/**
 * How {@link UmapProjector} builds its exact cosine k-NN graph. All three give the same graph (ids
 * equal but for float rounding on near-ties, ties by the lower id, the row itself excluded,
 * duplicates kept at distance 0, an all-zero row at distance 1 from everything); they differ in
 * speed only. The property {@code databoost.projection.knn} ({@code vector}, {@code blas} or {@code
 * java}) forces one; by default {@link #VECTOR} when the JVM has the Vector API module, else {@link
 * #BLAS}, which is many times faster than the Vector search's scalar fallback.
 */
enum GraphSearch {
  /** {@code neighbors.ExactSearch.searchSelf}: the Vector API kernel, every pair scored once. */
  VECTOR,
  /** {@link ExactCosineKnn} with OpenBLAS sgemm blocks ({@link JavaBlockScorer} if no natives). */
  BLAS,
  /** {@link ExactCosineKnn} with the plain-Java 4x4 FMA blocks. */
  JAVA;

  static final String PROPERTY = "databoost.projection.knn";
  static final String STAGE = "neighbour graph";

  /** The property's choice, or the default for this JVM. */
  static GraphSearch configured() {
    String forced = System.getProperty(PROPERTY, "").trim();
    if (!forced.isEmpty()) {
      return valueOf(forced.toUpperCase(Locale.ROOT));
    }
    return ExactSearch.create().kernelName().startsWith("vector") ? VECTOR : BLAS;
  }

  /** Each of the {@code n} rows' {@code k} nearest other rows; {@code 1 <= k < n}. */
  KnnGraph search(float[] data, int n, int d, int k, Workers workers, Progress progress) {
    if (this == VECTOR) {
      Vectors unit = Vectors.wrap(data, n, d).normalised();
      progress.update(STAGE, 0, 1);
      Neighbors nb =
          ExactSearch.create().optThreads(workers.threads()).searchSelf(unit, k, renamed(progress));
      int[][] ids = new int[n][];
      float[][] sims = new float[n][];
      for (int i = 0; i < n; i++) {
        ids[i] = nb.ids(i);
        sims[i] = nb.similarities(i);
      }
      return KnnGraph.ofSimilarities(ids, sims);
    }
    BlockScorer scorer = this == BLAS ? BlockScorer.best() : new JavaBlockScorer();
    return ExactCosineKnn.search(data, n, d, k, scorer, workers, progress, STAGE);
  }

  /** Reports the search's stage under this projection's stage name. */
  private static Progress renamed(Progress progress) {
    return new Progress() {
      @Override
      public void update(String stage, long done, long total) {
        progress.update(STAGE, done, total);
      }

      @Override
      public boolean isCancelled() {
        return progress.isCancelled();
      }
    };
  }
}

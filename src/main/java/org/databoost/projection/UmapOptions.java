package org.databoost.projection;

/**
 * Settings of a 2-D UMAP projection, in umap-learn's conventions.
 *
 * @param nNeighbors neighbourhood size <em>including the point itself</em> (umap-learn's {@code
 *     n_neighbors}; Smile's {@code k} is one less), at least 2
 * @param minDist how tightly points may pack in 2-D, in [0, spread]
 * @param spread scale of the embedded points, positive
 * @param epochs SGD epochs; 0 = auto (500 up to 10,000 rows, 200 above, as umap-learn)
 * @param seed the result is a function of the data, the options and this seed (with {@code threads
 *     == 1}; see {@link UmapProjector} for more threads)
 * @param threads worker threads for the neighbour search and the layout, at least 1
 */
public record UmapOptions(
    int nNeighbors, double minDist, double spread, int epochs, long seed, int threads) {

  public UmapOptions {
    if (nNeighbors < 2 || nNeighbors > 200) {
      throw new IllegalArgumentException("nNeighbors must be in [2, 200], was " + nNeighbors);
    }
    if (!(spread > 0) || !Double.isFinite(spread)) {
      throw new IllegalArgumentException("spread must be positive, was " + spread);
    }
    if (!(minDist >= 0) || minDist > spread) {
      throw new IllegalArgumentException(
          "minDist must be in [0, spread=" + spread + "], was " + minDist);
    }
    if (epochs < 0 || epochs > 100_000) {
      throw new IllegalArgumentException("epochs must be in [0, 100000] (0 = auto), was " + epochs);
    }
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads must be in [1, 1024], was " + threads);
    }
  }

  /** n_neighbors 15, min_dist 0.1, spread 1, auto epochs, seed 42, all available processors. */
  public static UmapOptions defaults() {
    return new UmapOptions(15, 0.1, 1.0, 0, 42L, Runtime.getRuntime().availableProcessors());
  }

  public UmapOptions withNeighbors(int n) {
    return new UmapOptions(n, minDist, spread, epochs, seed, threads);
  }

  public UmapOptions withMinDist(double d) {
    return new UmapOptions(nNeighbors, d, spread, epochs, seed, threads);
  }

  public UmapOptions withSpread(double s) {
    return new UmapOptions(nNeighbors, minDist, s, epochs, seed, threads);
  }

  public UmapOptions withEpochs(int e) {
    return new UmapOptions(nNeighbors, minDist, spread, e, seed, threads);
  }

  public UmapOptions withSeed(long s) {
    return new UmapOptions(nNeighbors, minDist, spread, epochs, s, threads);
  }

  public UmapOptions withThreads(int t) {
    return new UmapOptions(nNeighbors, minDist, spread, epochs, seed, t);
  }

  /** The epochs actually run for {@code n} rows. */
  int epochsFor(int n) {
    return epochs > 0 ? epochs : (n <= 10_000 ? 500 : 200);
  }
}

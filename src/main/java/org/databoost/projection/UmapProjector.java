package org.databoost.projection;

import java.util.Locale;
import java.util.Objects;
import org.databoost.task.Progress;

/**
 * 2-D UMAP of embedding vectors under cosine distance, with a point for every row.
 *
 * <p>Steps as in umap-learn: exact k-NN graph ({@link GraphSearch}: the {@code neighbors} package's
 * Vector API search by default, or a caller's {@link KnnGraph}), fuzzy simplicial set ({@link
 * FuzzyGraph}), spectral initialisation per connected component with the components packed side by
 * side ({@link SpectralInit}), SGD with negative sampling ({@link SgdLayout}). Smile 3.1.1's {@code
 * UMAP} is not used: it cannot take a precomputed graph, builds its graph in O(n^2) doubles and
 * silently drops every row outside the largest component.
 *
 * <p>Determinism: with {@code threads == 1} the result depends only on the input, the options and
 * the seed. With more threads the neighbour graph, the fuzzy set and the initial layout are still
 * identical, but the Hogwild-style SGD lets workers race on shared coordinates, so layouts differ
 * slightly from run to run (as umap-learn's parallel mode does).
 */
public final class UmapProjector {
  private final UmapOptions options;

  public UmapProjector(UmapOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * How the exact k-NN graph is built in this JVM: "vector" (the default with the Vector API
   * module), "blas" or "java" (the property {@code databoost.projection.knn} forces one).
   */
  public static String graphSearch() {
    return GraphSearch.configured().name().toLowerCase(Locale.ROOT);
  }

  /** Projects rows of equal length. */
  public Projection project(float[][] rows, Progress progress) {
    int n = rows.length;
    int d = n == 0 ? 0 : rows[0].length;
    float[] flat = new float[Math.multiplyExact(n, d)];
    for (int i = 0; i < n; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rows[i].length + " values, row 0 has " + d);
      }
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return project(flat, n, d, progress);
  }

  /** Projects {@code n} rows of {@code d} values stored row after row in {@code data}. */
  public Projection project(float[] data, int n, int d, Progress progress) {
    return project(data, n, d, null, progress);
  }

  /**
   * Projects rows starting from a previous layout, so that a map recomputed after a few edits keeps
   * its shape: {@code start} holds x, y per row, NaN for a row without a previous position (see
   * {@link StartLayout}); null, or too few known rows, starts afresh.
   */
  public Projection project(float[] data, int n, int d, float[] start, Progress progress) {
    if (n < 0 || d < 1 && n > 0 || (long) n * d != data.length) {
      throw new IllegalArgumentException(
          "data has " + data.length + " values, not n=" + n + " x d=" + d);
    }
    for (int i = 0; i < data.length; i++) {
      if (!Float.isFinite(data[i])) {
        throw new IllegalArgumentException("row " + i / d + " has a non-finite value");
      }
    }
    if (n <= 2) {
      return trivial(n);
    }
    int k = Math.min(options.nNeighbors() - 1, n - 1);
    try (Workers workers = new Workers(options.threads())) {
      KnnGraph graph = GraphSearch.configured().search(data, n, d, k, workers, progress);
      return layout(graph, start, workers, progress);
    }
  }

  /**
   * Projects from a precomputed neighbour graph (cosine distances, self excluded). Its {@code k}
   * should be {@code nNeighbors - 1}; a larger graph is used as given.
   */
  public Projection project(KnnGraph graph, Progress progress) {
    if (graph.size() <= 2) {
      return trivial(graph.size());
    }
    if (graph.k() < 1) {
      throw new IllegalArgumentException("the graph lists no neighbours");
    }
    try (Workers workers = new Workers(options.threads())) {
      return layout(graph, null, workers, progress);
    }
  }

  private Projection layout(KnnGraph graph, float[] start, Workers workers, Progress progress) {
    int n = graph.size();
    int epochs = options.epochsFor(n);
    progress.checkCancelled();
    progress.update("fuzzy graph", 0, 1);
    FuzzyGraph fuzzy = prune(FuzzyGraph.of(graph, graph.k() + 1), epochs);
    Components comp = Components.of(n, fuzzy.from(), fuzzy.to());
    progress.checkCancelled();
    progress.update("initial layout", 0, 1);
    float[] emb = start == null ? null : StartLayout.of(start, fuzzy, options.seed());
    if (emb == null) {
      emb = SpectralInit.layout(fuzzy, comp, options.seed());
    }
    double[] ab = CurveFit.ab(options.spread(), options.minDist());
    new SgdLayout(fuzzy, ab[0], ab[1]).run(emb, epochs, options.seed(), workers, progress);
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = emb[2 * i];
      y[i] = emb[2 * i + 1];
    }
    return new Projection(x, y, comp.of(), comp.count());
  }

  /** Drops edges too weak to be sampled once in the run, as umap-learn does. */
  private static FuzzyGraph prune(FuzzyGraph g, int epochs) {
    float max = 0;
    for (float w : g.weight()) {
      max = Math.max(max, w);
    }
    float floor = max / epochs;
    int kept = 0;
    for (float w : g.weight()) {
      if (w >= floor) {
        kept++;
      }
    }
    int[] from = new int[kept], to = new int[kept];
    float[] weight = new float[kept];
    int p = 0;
    for (int e = 0; e < g.edges(); e++) {
      if (g.weight()[e] >= floor) {
        from[p] = g.from()[e];
        to[p] = g.to()[e];
        weight[p++] = g.weight()[e];
      }
    }
    return new FuzzyGraph(g.n(), from, to, weight);
  }

  private static Projection trivial(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return new Projection(x, new float[n], new int[n], n == 0 ? 0 : 1);
  }
}

package org.databoost.embedding.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.embedding.RawPixelEmbedder;
import org.databoost.task.Progress;

/**
 * Compares the available embedders on a labelled dataset: k-NN (k = 10, cosine, majority vote)
 * label accuracy of the validation images with the training images as the index, and throughput
 * (decoding included) in images per second.
 *
 * <pre>
 * java -cp target/classes:$(cat target/cp.txt) org.databoost.embedding.bench.EmbedBenchmark DIR
 * </pre>
 */
public final class EmbedBenchmark {
  /** Neighbours that vote. */
  public static final int K = 10;

  private EmbedBenchmark() {}

  /** One embedder's figures. */
  public record Result(
      String embedder,
      int dimension,
      int indexImages,
      int queries,
      double accuracy,
      double imagesPerSecond) {}

  /** The embedders that work offline, cheapest first. */
  public static List<Supplier<Embedder>> offlineEmbedders() {
    return List.of(RawPixelEmbedder::new, () -> new RawPixelEmbedder(32), GlyphEmbedder::load);
  }

  /** Scans {@code dataset}, measures every offline embedder and prints a table to {@code out}. */
  public static List<Result> run(Path dataset, PrintStream out) throws IOException {
    return run(dataset, offlineEmbedders(), out);
  }

  /**
   * Scans {@code dataset}, measures {@code embedders} in order and prints a table to {@code out}.
   */
  public static List<Result> run(Path dataset, List<Supplier<Embedder>> embedders, PrintStream out)
      throws IOException {
    DatasetScan scan = new DatasetScanner().scan(dataset, Progress.NONE);
    if (!scan.isUsable()) {
      throw new IOException(dataset + ": " + scan.unusableReason().orElse("not a usable dataset"));
    }
    List<ImageEntry> index = scan.images(Split.TRAIN);
    List<ImageEntry> queries = scan.images(Split.VAL);
    out.printf(
        Locale.ROOT,
        "k-NN (k=%d, cosine) on %s: %d train images as the index, %d val images as queries%n",
        K,
        dataset,
        index.size(),
        queries.size());
    out.printf(Locale.ROOT, "%-24s %5s %9s %12s%n", "embedder", "dim", "accuracy", "images/s");
    List<Result> results = new ArrayList<>();
    for (Supplier<Embedder> supplier : embedders) {
      try (Embedder embedder = supplier.get()) {
        Result r = measure(embedder, scan.root(), index, queries, Progress.NONE);
        out.printf(
            Locale.ROOT,
            "%-24s %5d %9.4f %12.1f%n",
            r.embedder(),
            r.dimension(),
            r.accuracy(),
            r.imagesPerSecond());
        results.add(r);
      }
    }
    return results;
  }

  /** Embeds index and queries (timed) and scores the k-NN vote. */
  public static Result measure(
      Embedder embedder,
      Path root,
      List<ImageEntry> index,
      List<ImageEntry> queries,
      Progress progress) {
    List<Path> files = new ArrayList<>();
    index.forEach(e -> files.add(root.resolve(e.relativePath())));
    queries.forEach(e -> files.add(root.resolve(e.relativePath())));
    long t0 = System.nanoTime();
    float[][] all = embedder.embed(files, progress);
    double seconds = (System.nanoTime() - t0) / 1e9;
    float[][] indexVectors = Arrays.copyOfRange(all, 0, index.size());
    float[][] queryVectors = Arrays.copyOfRange(all, index.size(), all.length);
    KnnVote knn = new KnnVote(indexVectors, labels(index), K);
    double accuracy = knn.accuracy(queryVectors, labels(queries));
    return new Result(
        embedder.name(),
        embedder.dimension(),
        index.size(),
        queries.size(),
        accuracy,
        files.size() / seconds);
  }

  private static String[] labels(List<ImageEntry> images) {
    return images.stream().map(ImageEntry::label).toArray(String[]::new);
  }
}

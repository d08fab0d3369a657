package org.databoost.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.databoost.analysis.ImageVerdict;
import org.databoost.analysis.KnnProbabilities;
import org.databoost.analysis.LabelIssueFinder;
import org.databoost.analysis.LabelIssueOptions;
import org.databoost.analysis.PruneMethod;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.EmbeddingCache;
import org.databoost.neighbors.ExactSearch;
import org.databoost.neighbors.Neighbors;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;
import org.databoost.training.EvaluationInput;
import org.databoost.training.LabelledImage;

/**
 * The label-error benchmark of {@link LabelErrorBenchmark} (the same flips), with probabilities
 * from a leave-one-out k-NN vote over an offline embedding of the training images instead of a
 * model trained on the noisy labels. No training: one embedding pass (cached) and one exact k-NN
 * search, then confident learning for every setting asked for.
 */
public final class KnnLabelErrorBenchmark {
  /** One way of turning the neighbours into flags. */
  public record Setting(int k, double smoothing, PruneMethod method) {}

  /** The figures of one setting; {@code flagged} counts label-error flags only. */
  /**
   * @param precisionAtRecall60 the best precision of any "lowest self-confidence first" cut-off
   *     that reaches recall 0.6: what a threshold on the ranking alone could achieve
   */
  public record Row(
      Setting setting,
      int flagged,
      int flaggedAndFlipped,
      int flipped,
      double precisionAtRecall60) {
    public double precision() {
      return flagged == 0 ? 0 : (double) flaggedAndFlipped / flagged;
    }

    public double recall() {
      return flipped == 0 ? 0 : (double) flaggedAndFlipped / flipped;
    }
  }

  /**
   * @param knnAccuracy share of training images whose k-NN vote (first setting's k) matches the
   *     original, unflipped label
   */
  public record Report(
      int trainImages, int flipped, double knnAccuracy, List<Row> rows, double seconds) {}

  private final DatasetScanner scanner;

  public KnnLabelErrorBenchmark(DatasetScanner scanner) {
    this.scanner = scanner;
  }

  public Report run(
      Path dataset,
      Path cacheDir,
      Embedder embedder,
      double flipShare,
      long flipSeed,
      List<Setting> settings,
      Progress progress)
      throws IOException, DatasetException {
    long t0 = System.nanoTime();
    DatasetScan scan = scanner.scan(dataset, progress);
    if (!scan.isUsable()) {
      throw new DatasetException(scan.unusableReason().orElse("the dataset is not usable"));
    }
    EvaluationInput clean = EvaluationInputs.of(scan);
    Set<String> flippedIds = new HashSet<>();
    List<LabelledImage> train = LabelErrorBenchmark.flip(clean, flipShare, flipSeed, flippedIds);
    // EvaluationInputs keeps the scan's order within a split, so row i is train.get(i).
    List<ImageEntry> entries = scan.images(Split.TRAIN);
    float[][] vectors =
        new EmbeddingCache(cacheDir).embeddings(embedder, scan.root(), entries, progress).vectors();
    int maxK = settings.stream().mapToInt(Setting::k).max().orElse(0);
    Neighbors nb =
        ExactSearch.create().optThreads(1).searchSelf(Vectors.of(vectors), maxK, progress);
    int[][] ids = nb.idMatrix();
    float[][] sims = new float[ids.length][];
    for (int q = 0; q < ids.length; q++) {
      sims[q] = nb.similarities(q);
    }
    int n = train.size();
    int classes = clean.labels().size();
    int[] given = new int[n];
    boolean[] wasFlipped = new boolean[n];
    for (int i = 0; i < n; i++) {
      given[i] = train.get(i).labelIndex();
      wasFlipped[i] = flippedIds.contains(train.get(i).id());
    }
    List<Row> rows = new ArrayList<>();
    double knnAccuracy = Double.NaN;
    for (Setting s : settings) {
      float[][] p = KnnProbabilities.leaveOneOut(ids, sims, given, classes, s.k(), s.smoothing());
      if (Double.isNaN(knnAccuracy)) {
        knnAccuracy = accuracy(p, clean.train());
      }
      LabelIssueOptions options = LabelIssueOptions.defaults().withPruneMethod(s.method());
      int flagged = 0;
      int hits = 0;
      for (ImageVerdict v : new LabelIssueFinder(options).find(p, given).labelErrors()) {
        flagged++;
        hits += wasFlipped[v.index()] ? 1 : 0;
      }
      rows.add(
          new Row(
              s, flagged, hits, flippedIds.size(), precisionAtRecall(p, given, wasFlipped, 0.6)));
    }
    return new Report(n, flippedIds.size(), knnAccuracy, rows, (System.nanoTime() - t0) / 1e9);
  }

  private static double precisionAtRecall(
      float[][] p, int[] given, boolean[] wasFlipped, double recall) {
    Integer[] order = new Integer[p.length];
    int flipped = 0;
    for (int i = 0; i < p.length; i++) {
      order[i] = i;
      flipped += wasFlipped[i] ? 1 : 0;
    }
    java.util.Arrays.sort(order, (a, b) -> Float.compare(p[a][given[a]], p[b][given[b]]));
    int hits = 0;
    for (int m = 0; m < order.length; m++) {
      hits += wasFlipped[order[m]] ? 1 : 0;
      if (hits >= recall * flipped) {
        return (double) hits / (m + 1);
      }
    }
    return 0;
  }

  private static double accuracy(float[][] p, List<LabelledImage> truth) {
    int right = 0;
    for (int i = 0; i < p.length; i++) {
      int best = 0;
      for (int c = 1; c < p[i].length; c++) {
        best = p[i][c] > p[i][best] ? c : best;
      }
      right += best == truth.get(i).labelIndex() ? 1 : 0;
    }
    return p.length == 0 ? 0 : (double) right / p.length;
  }
}

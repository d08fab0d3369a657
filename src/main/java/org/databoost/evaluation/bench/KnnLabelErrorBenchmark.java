package org.databoost.evaluation.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.databoost.analysis.ClassRows;
import org.databoost.analysis.ImageVerdict;
import org.databoost.analysis.KnnProbabilities;
import org.databoost.analysis.LabelIssueFinder;
import org.databoost.analysis.LabelIssueOptions;
import org.databoost.analysis.LinearProbe;
import org.databoost.analysis.PruneMethod;
import org.databoost.analysis.RankBy;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.EmbeddingCache;
import org.databoost.evaluation.DataVerdicts;
import org.databoost.evaluation.EmbeddingJudge;
import org.databoost.evaluation.EvaluationInputs;
import org.databoost.evaluation.Judgement;
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
  /**
   * One way of turning the embeddings into flags.
   *
   * @param source {@code knn} (leave-one-out vote of the k nearest), {@code probe} (cross-validated
   *     {@link LinearProbe}), {@code knn+probe} (their average) or {@code judge} (the workbench's
   *     {@link EmbeddingJudge}: knn+probe at its own settings, in two passes) or {@code verdicts}
   *     (the label-error verdicts the workbench shows, after the leak, duplicate and junk verdicts
   *     that come first ({@link DataVerdicts}), ranked by label quality; its prune method is the
   *     workbench's)
   * @param k neighbours (knn sources)
   * @param smoothing pseudo-votes per class (knn sources)
   * @param lambda the probe's L2 penalty (probe sources)
   */
  public record Setting(String source, int k, double smoothing, double lambda, PruneMethod method) {
    public Setting {
      if (!SOURCES.contains(source)) {
        throw new IllegalArgumentException("source must be one of " + SOURCES + ", not " + source);
      }
    }

    /** The k-NN setting of earlier versions. */
    public Setting(int k, double smoothing, PruneMethod method) {
      this("knn", k, smoothing, Double.NaN, method);
    }

    boolean usesKnn() {
      return source.startsWith("knn");
    }

    boolean verdicts() {
      return source.equals("verdicts");
    }

    boolean usesProbe() {
      return source.endsWith("probe");
    }
  }

  /** The probability sources a {@link Setting} can name. */
  public static final List<String> SOURCES =
      List.of("knn", "probe", "knn+probe", "judge", "verdicts");

  /** Folds of the probe (the model benchmark's default too). */
  static final int PROBE_FOLDS = 5;

  /**
   * The figures of one setting; {@code flagged} counts label-error flags only.
   *
   * @param precisionAtRecall60 the precision of the label-error flags, ranked by their
   *     self-confidence score (lowest first), cut where they first hold 60% of the flipped images:
   *     what a user reading the ranked flags from the top sees; NaN when the flags never get there
   * @param marginPrecisionAtRecall60 the same, ranked by normalised margin
   * @param suspectShareAtRecall60 of the unflipped images above that cut (self-confidence order),
   *     the share the same judge flags on the original labels too: the data's own suspects
   */
  public record Row(
      Setting setting,
      int flagged,
      int flaggedAndFlipped,
      int flipped,
      double precisionAtRecall60,
      double marginPrecisionAtRecall60,
      double suspectShareAtRecall60) {
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
    // Train and val are judged together, as the workbench does (val keeps its labels; flags are
    // counted on train only). EvaluationInputs keeps the scan's order within a split, so row i is
    // train.get(i) and row train.size() + j is clean.val().get(j).
    List<ImageEntry> entries = new ArrayList<>(scan.images(Split.TRAIN));
    entries.addAll(scan.images(Split.VAL));
    float[][] vectors =
        new EmbeddingCache(cacheDir).embeddings(embedder, scan.root(), entries, progress).vectors();
    int maxK = settings.stream().filter(Setting::usesKnn).mapToInt(Setting::k).max().orElse(0);
    Neighbors nb =
        ExactSearch.create()
            .optThreads(1)
            .searchSelf(Vectors.of(vectors), Math.max(1, maxK), progress);
    int[][] ids = nb.idMatrix();
    float[][] sims = new float[ids.length][];
    for (int q = 0; q < ids.length; q++) {
      sims[q] = nb.similarities(q);
    }
    int n = train.size();
    int classes = clean.labels().size();
    int[] given = new int[entries.size()];
    boolean[] wasFlipped = new boolean[entries.size()];
    for (int i = 0; i < n; i++) {
      given[i] = train.get(i).labelIndex();
      wasFlipped[i] = flippedIds.contains(train.get(i).id());
    }
    for (int j = 0; j < clean.val().size(); j++) {
      given[n + j] = clean.val().get(j).labelIndex();
    }
    List<Row> rows = new ArrayList<>();
    int[] original = given.clone();
    for (int i = 0; i < n; i++) {
      original[i] = clean.train().get(i).labelIndex();
    }
    // The prune methods of one judge share its rows: computed once per judge and labelling.
    Map<String, float[][]> memo = new HashMap<>();
    Judgement.Prepared prepared =
        settings.stream().anyMatch(Setting::verdicts)
            ? Judgement.prepare(scan, cacheDir, null, progress)
            : null;
    for (Setting s : settings) {
      progress.checkCancelled();
      List<ImageVerdict> errors;
      List<ImageVerdict> byMargin; // null: this source has no margin ranking
      boolean[] suspect = new boolean[given.length];
      if (s.verdicts()) {
        if (!prepared.input().labels().equals(clean.labels())) {
          throw new IllegalStateException("the judges' labels differ from the benchmark's");
        }
        errors = onTrain(shownLabelErrors(prepared, given, flipSeed, progress), n);
        byMargin = null;
        DataVerdicts.Verdict[] before =
            DataVerdicts.judge(prepared.withGiven(original), true, flipSeed, progress).verdicts();
        for (int i = 0; i < before.length; i++) {
          suspect[i] = before[i].kind() != DataVerdicts.Kind.NONE;
        }
      } else {
        String judge = s.source() + "/" + s.k() + "/" + s.smoothing() + "/" + s.lambda();
        float[][] p =
            memo.computeIfAbsent(
                "flipped " + judge,
                key -> probabilities(s, ids, sims, vectors, given, classes, flipSeed));
        float[][] p0 =
            memo.computeIfAbsent(
                "original " + judge,
                key -> probabilities(s, ids, sims, vectors, original, classes, flipSeed));
        LabelIssueOptions options = LabelIssueOptions.defaults().withPruneMethod(s.method());
        errors = onTrain(new LabelIssueFinder(options).find(p, given).labelErrors(), n);
        byMargin =
            onTrain(
                new LabelIssueFinder(options.withRankBy(RankBy.NORMALIZED_MARGIN))
                    .find(p, given)
                    .labelErrors(),
                n);
        // The same judge on the original labels: what it suspects before anything is flipped.
        for (ImageVerdict v : new LabelIssueFinder(options).find(p0, original).labelErrors()) {
          suspect[v.index()] = true;
        }
      }
      int hits = 0;
      for (ImageVerdict v : errors) {
        hits += wasFlipped[v.index()] ? 1 : 0;
      }
      rows.add(
          new Row(
              s,
              errors.size(),
              hits,
              flippedIds.size(),
              precisionAtRecall(errors, wasFlipped, flippedIds.size(), 0.6),
              byMargin == null
                  ? Double.NaN
                  : precisionAtRecall(byMargin, wasFlipped, flippedIds.size(), 0.6),
              suspectShareAtRecall(errors, wasFlipped, suspect, flippedIds.size(), 0.6)));
    }
    double knnAccuracy =
        settings.stream()
            .filter(Setting::usesKnn)
            .findFirst()
            .map(
                s ->
                    accuracy(
                        KnnProbabilities.leaveOneOut(
                            ids, sims, given, classes, s.k(), s.smoothing()),
                        clean.train()))
            .orElse(Double.NaN);
    return new Report(n, flippedIds.size(), knnAccuracy, rows, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * The label-error verdicts of {@link DataVerdicts} under these given labels, lowest label quality
   * first: the list a user reads in the workbench, without the images that a leak, duplicate or
   * junk verdict took first.
   */
  static List<ImageVerdict> shownLabelErrors(
      Judgement.Prepared prepared, int[] given, long seed, Progress progress) {
    DataVerdicts.Verdict[] v =
        DataVerdicts.judge(prepared.withGiven(given), true, seed, progress).verdicts();
    List<ImageVerdict> out = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      if (v[i].kind() == DataVerdicts.Kind.LABEL_ERROR) {
        out.add(
            new ImageVerdict(
                i,
                given[i],
                v[i].suggested(),
                v[i].quality(),
                Double.NaN,
                Double.NaN,
                true,
                false));
      }
    }
    out.sort(
        java.util.Comparator.comparingDouble(ImageVerdict::qualityScore)
            .thenComparingInt(ImageVerdict::index));
    return out;
  }

  private static float[][] probabilities(
      Setting s,
      int[][] ids,
      float[][] sims,
      float[][] vectors,
      int[] labels,
      int classes,
      long seed) {
    if (s.source().equals("judge")) {
      return EmbeddingJudge.probabilities(vectors, labels, classes, seed, Progress.NONE);
    }
    float[][] knn =
        s.usesKnn()
            ? KnnProbabilities.leaveOneOut(ids, sims, labels, classes, s.k(), s.smoothing())
            : null;
    float[][] probe =
        s.usesProbe()
            ? LinearProbe.outOfSample(vectors, labels, classes, PROBE_FOLDS, seed, s.lambda())
            : null;
    return knn == null ? probe : probe == null ? knn : ClassRows.average(knn, probe);
  }

  /**
   * Of the unflipped images among the ranked flags down to the recall cut, the share that the same
   * judge already flags on the original labels: false positives that are the data's own suspects.
   */
  static double suspectShareAtRecall(
      List<ImageVerdict> rankedFlags,
      boolean[] wasFlipped,
      boolean[] suspect,
      int flipped,
      double recall) {
    int hits = 0;
    int others = 0;
    int suspects = 0;
    for (ImageVerdict v : rankedFlags) {
      if (wasFlipped[v.index()]) {
        hits++;
      } else {
        others++;
        suspects += suspect[v.index()] ? 1 : 0;
      }
      if (flipped > 0 && hits >= recall * flipped) {
        return others == 0 ? Double.NaN : (double) suspects / others;
      }
    }
    return Double.NaN;
  }

  private static List<ImageVerdict> onTrain(List<ImageVerdict> flags, int trainImages) {
    return flags.stream().filter(v -> v.index() < trainImages).toList();
  }

  /**
   * The precision of the shortest prefix of the ranked flags (most likely wrong first) that holds
   * {@code recall} of the flipped images; NaN when all the flags together do not.
   */
  static double precisionAtRecall(
      List<ImageVerdict> rankedFlags, boolean[] wasFlipped, int flipped, double recall) {
    int hits = 0;
    for (int m = 0; m < rankedFlags.size(); m++) {
      hits += wasFlipped[rankedFlags.get(m).index()] ? 1 : 0;
      if (flipped > 0 && hits >= recall * flipped) {
        return (double) hits / (m + 1);
      }
    }
    return Double.NaN;
  }

  private static double accuracy(float[][] p, List<LabelledImage> truth) {
    int right = 0;
    for (int i = 0; i < truth.size(); i++) {
      right += ClassRows.argmax(p[i]) == truth.get(i).labelIndex() ? 1 : 0;
    }
    return truth.isEmpty() ? 0 : (double) right / truth.size();
  }
}

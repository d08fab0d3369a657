package org.databoost.evaluation.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.evaluation.EvaluationInputs;
import org.databoost.evaluation.EvaluationService;
import org.databoost.evaluation.LabelIssueFlags;
import org.databoost.sample.ScratchFolder;
import org.databoost.task.Progress;
import org.databoost.training.EvaluationInput;
import org.databoost.training.EvaluationRun;
import org.databoost.training.Evaluator;
import org.databoost.training.ImagePrediction;
import org.databoost.training.LabelledImage;
import org.databoost.training.TrainingConfig;

/**
 * Measures the label-error flags: flips a share of the training labels at random (in memory; the
 * dataset is not touched), evaluates with cross-validation, and scores the flags against the
 * flipped set. The original data may hold real label errors too, which count against precision.
 */
public final class LabelErrorBenchmark {
  /**
   * The flags of one probability source against the flipped set.
   *
   * @param flagged training images flagged as label errors
   * @param precisionAtRecall60 precision of the label-error flags read in rank order (most likely
   *     wrong first) down to the first place where they hold 60% of the flipped images; NaN when
   *     they never do
   */
  public record Flags(
      String source, int flagged, int flaggedAndFlipped, int flipped, double precisionAtRecall60) {
    public double precision() {
      return flagged == 0 ? 0 : (double) flaggedAndFlipped / flagged;
    }

    public double recall() {
      return flipped == 0 ? 0 : (double) flaggedAndFlipped / flipped;
    }
  }

  /**
   * The figures of one measurement: the flags of the model's rows alone, of the glyph embeddings'
   * judge alone, and of both averaged (what the workbench shows).
   */
  public record Result(
      int trainImages,
      int flipped,
      Flags model,
      Flags glyph,
      Flags blended,
      double valAccuracy,
      double seconds) {}

  private final DatasetScanner scanner;

  public LabelErrorBenchmark(DatasetScanner scanner) {
    this.scanner = scanner;
  }

  public Result run(
      Path dataset, double flipShare, long flipSeed, TrainingConfig config, Progress progress)
      throws IOException, DatasetException {
    long t0 = System.nanoTime();
    DatasetScan scan = scanner.scan(dataset, progress);
    if (!scan.isUsable()) {
      throw new DatasetException(scan.unusableReason().orElse("the dataset is not usable"));
    }
    EvaluationInput clean = EvaluationInputs.of(scan);
    Set<String> flipped = new HashSet<>();
    List<LabelledImage> train = flip(clean, flipShare, flipSeed, flipped);
    EvaluationInput noisy =
        new EvaluationInput(clean.labels(), train, clean.val(), clean.test(), clean.labelBook());
    EvaluationRun run = Evaluator.evaluate(noisy, config, progress);
    Flags model = score("model", LabelIssueFlags.find(run.predictions()), train, flipped);
    Map<String, float[]> judge;
    try (ScratchFolder cache = ScratchFolder.create("databoost-label-errors")) {
      judge = EvaluationService.judge(scan, cache.path(), run, config.seed(), progress);
    }
    if (judge.isEmpty()) {
      throw new IOException("the glyph embeddings could not judge the labels (see the log)");
    }
    List<ImagePrediction> judgeOnly = new ArrayList<>();
    for (ImagePrediction p : run.predictions()) {
      float[] row = judge.get(p.id());
      if (row != null) {
        judgeOnly.add(
            new ImagePrediction(
                p.id(),
                p.split(),
                p.givenIndex(),
                p.predictedIndex(),
                row,
                p.loss(),
                p.fold(),
                p.inSample()));
      }
    }
    Flags glyph = score("glyph", LabelIssueFlags.find(judgeOnly), train, flipped);
    Flags blended =
        score("model+glyph", LabelIssueFlags.find(run.predictions(), judge), train, flipped);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(
        train.size(), flipped.size(), model, glyph, blended, run.bestValAccuracy(), seconds);
  }

  private static Flags score(
      String source,
      Map<String, LabelIssueFlags.Flag> flags,
      List<LabelledImage> train,
      Set<String> flipped) {
    List<Map.Entry<String, LabelIssueFlags.Flag>> errors = new ArrayList<>();
    for (LabelledImage image : train) {
      LabelIssueFlags.Flag f = flags.get(image.id());
      if (f != null && f.issue().equals(LabelIssueFlags.LABEL_ERROR)) {
        errors.add(Map.entry(image.id(), f));
      }
    }
    errors.sort(
        Comparator.comparingDouble(
                (Map.Entry<String, LabelIssueFlags.Flag> e) -> e.getValue().quality())
            .thenComparing(Map.Entry::getKey));
    int hits = 0;
    double atRecall = Double.NaN;
    for (int m = 0; m < errors.size(); m++) {
      hits += flipped.contains(errors.get(m).getKey()) ? 1 : 0;
      if (Double.isNaN(atRecall) && !flipped.isEmpty() && hits >= 0.6 * flipped.size()) {
        atRecall = (double) hits / (m + 1);
      }
    }
    return new Flags(source, errors.size(), hits, flipped.size(), atRecall);
  }

  /** Gives {@code share} of the training images a different label, uniformly chosen. */
  static List<LabelledImage> flip(
      EvaluationInput input, double share, long seed, Set<String> flippedIds) {
    SplittableRandom rng = new SplittableRandom(seed);
    int classes = input.labels().size();
    List<LabelledImage> train = new ArrayList<>(input.train());
    int n = (int) Math.round(share * train.size());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      order.add(i);
    }
    for (int i = order.size() - 1; i > 0; i--) {
      Collections.swap(order, i, rng.nextInt(i + 1));
    }
    for (int i = 0; i < n; i++) {
      int idx = order.get(i);
      LabelledImage img = train.get(idx);
      int other = (img.labelIndex() + 1 + rng.nextInt(classes - 1)) % classes;
      train.set(idx, new LabelledImage(img.id(), img.file(), other));
      flippedIds.add(img.id());
    }
    return train;
  }
}

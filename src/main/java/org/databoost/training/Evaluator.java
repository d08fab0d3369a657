package org.databoost.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.databoost.analysis.StratifiedFolds;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.databoost.training.EvaluationRun.FoldResult;
import org.databoost.training.EvaluationRun.Timings;

/**
 * Trains the fixed model and predicts every image: the main model (trained on train, its epoch
 * selected on val) predicts val, test and the label book; training images are predicted out of
 * sample by stratified k-fold cross-validation, each fold's model trained with the same protocol on
 * the other folds and selected on val.
 *
 * <p>One evaluation runs at a time in a JVM (PyTorch allows one gradient collector); a second call
 * waits, cancellably. Nothing is written to disk.
 */
public final class Evaluator {
  private Evaluator() {}

  /**
   * Runs the whole evaluation on the calling thread.
   *
   * @throws IOException when an image cannot be read
   * @throws org.databoost.task.CancelledException when {@code progress} asks to stop (within one
   *     batch)
   */
  public static EvaluationRun evaluate(
      EvaluationInput input, TrainingConfig config, Progress progress) throws IOException {
    return evaluate(input, config, progress, null);
  }

  /**
   * {@link #evaluate(EvaluationInput, TrainingConfig, Progress)}, with the folds trained by {@code
   * config.jobs()} worker processes at once when that is more than 1 ({@link FoldWorkers}); the
   * main model trains in this process meanwhile. The results mean the same as in process: the same
   * fold assignment, seeds and protocol, each model on one native thread.
   *
   * @param workFolder an empty folder for the workers' specs and results, which the caller deletes
   *     afterwards; null trains everything in this process
   */
  public static EvaluationRun evaluate(
      EvaluationInput input, TrainingConfig config, Progress progress, Path workFolder)
      throws IOException {
    boolean parallel = workFolder != null && config.folds() >= 2 && config.jobs() > 1;
    Progress shared = parallel ? synchronizedProgress(progress) : progress;
    TorchEngine.acquire(shared);
    try (FoldWorkers workers = parallel ? startWorkers(input, config, workFolder, shared) : null) {
      TorchEngine.start(parallel ? 1 : config.threads());
      return run(input, config, shared, workers);
    } finally {
      TorchEngine.release();
    }
  }

  /**
   * Trains one model on the input's train images, selected on its val images, and returns it
   * without predicting anything: for judges that classify images of their own ({@link
   * TrainedModel#open}, {@link ImageTensors#of}). Test and label-book images are ignored.
   */
  public static TrainedModel train(EvaluationInput input, TrainingConfig config, Progress progress)
      throws IOException {
    TorchEngine.acquire(progress);
    try {
      TorchEngine.start(config.threads());
      Map<Split, List<LabelledImage>> images = new EnumMap<>(Split.class);
      images.put(Split.TRAIN, input.train());
      images.put(Split.VAL, input.val());
      Map<Split, TensorSet> tensors = decodeAll(images, config.threads(), progress);
      return new ModelTrainer(config, progress, "")
          .train(
              tensors.get(Split.TRAIN),
              tensors.get(Split.VAL),
              input.labels().size(),
              config.seed());
    } finally {
      TorchEngine.release();
    }
  }

  private static EvaluationRun run(
      EvaluationInput input, TrainingConfig config, Progress progress, FoldWorkers workers)
      throws IOException {
    long t0 = System.nanoTime();
    Map<Split, List<LabelledImage>> images = input.bySplit();
    Map<Split, TensorSet> tensors = decodeAll(images, config.threads(), progress);
    long t1 = System.nanoTime();

    int classes = input.labels().size();
    TensorSet train = tensors.get(Split.TRAIN);
    TensorSet val = tensors.get(Split.VAL);
    String mainPrefix = config.folds() >= 2 ? "main model: " : "";
    TrainedModel main =
        new ModelTrainer(config, progress, mainPrefix).train(train, val, classes, config.seed());
    long t2 = System.nanoTime();
    if (workers != null) {
      workers.mainModelDone();
    }

    List<ImagePrediction> predictions = new ArrayList<>();
    try (Classifier classifier = main.open()) {
      for (Split split : List.of(Split.VAL, Split.TEST, Split.LABEL_BOOK)) {
        predict(
            classifier,
            images.get(split),
            tensors.get(split),
            split,
            -1,
            false,
            predictions,
            progress);
      }
      if (config.folds() == 0) {
        predict(
            classifier,
            images.get(Split.TRAIN),
            train,
            Split.TRAIN,
            -1,
            true,
            predictions,
            progress);
      }
    }
    long t3 = System.nanoTime();

    List<FoldResult> folds = new ArrayList<>();
    if (workers != null) {
      folds = collect(workers.await(), input, config, predictions);
    } else if (config.folds() >= 2) {
      folds =
          crossValidate(
              images.get(Split.TRAIN), train, val, classes, config, progress, predictions);
    }
    long t4 = System.nanoTime();

    Timings timings =
        new Timings(sec(t1 - t0), sec(t2 - t1), sec(t4 - t3), sec(t3 - t2), sec(t4 - t0));
    return new EvaluationRun(
        config,
        input.labels(),
        List.copyOf(predictions),
        accuracies(predictions),
        main.bestEpoch(),
        main.bestValAccuracy(),
        main.history(),
        List.copyOf(folds),
        timings,
        main);
  }

  private static List<FoldResult> crossValidate(
      List<LabelledImage> trainImages,
      TensorSet train,
      TensorSet val,
      int classes,
      TrainingConfig config,
      Progress progress,
      List<ImagePrediction> out) {
    int k = config.folds();
    int[] fold = StratifiedFolds.assign(train.labels(), k, config.seed());
    List<FoldResult> results = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      int[] fit = StratifiedFolds.members(fold, f, false);
      int[] held = StratifiedFolds.members(fold, f, true);
      FoldOutcome outcome =
          trainFold(config, f, train.subset(fit), val, train.subset(held), classes, progress);
      results.add(outcome.collect(pick(trainImages, held), out));
    }
    return results;
  }

  /**
   * Trains fold {@code f}'s model and predicts its held-out images: the same code in process and in
   * a worker ({@link FoldWorker}).
   */
  static FoldOutcome trainFold(
      TrainingConfig config,
      int f,
      TensorSet fit,
      TensorSet val,
      TensorSet held,
      int classes,
      Progress progress) {
    String prefix = "fold " + (f + 1) + "/" + config.folds() + ": ";
    TrainedModel model =
        new ModelTrainer(config, progress, prefix)
            .train(fit, val, classes, foldSeed(config.seed(), f));
    float[][] logits = new float[0][];
    if (held.size() > 0) {
      progress.update(prefix + "predict held-out images", 0, held.size());
      try (Classifier classifier = model.open()) {
        logits = classifier.logits(held.inputs(), progress);
      }
      progress.update(prefix + "predict held-out images", held.size(), held.size());
    }
    return new FoldOutcome(
        f, fit.size(), model.bestEpoch(), model.bestValAccuracy(), model.history(), logits);
  }

  private static List<LabelledImage> pick(List<LabelledImage> images, int[] positions) {
    List<LabelledImage> out = new ArrayList<>(positions.length);
    for (int i : positions) {
      out.add(images.get(i));
    }
    return out;
  }

  /** The fold assignment of the in-process path, one worker spec per fold. */
  private static FoldWorkers startWorkers(
      EvaluationInput input, TrainingConfig config, Path folder, Progress progress)
      throws IOException {
    int[] labels = input.train().stream().mapToInt(LabelledImage::labelIndex).toArray();
    int[] fold = StratifiedFolds.assign(labels, config.folds(), config.seed());
    List<FoldSpec> specs = new ArrayList<>();
    for (int f = 0; f < config.folds(); f++) {
      specs.add(
          new FoldSpec(
              config,
              input.labels().size(),
              f,
              pick(input.train(), StratifiedFolds.members(fold, f, false)),
              input.val(),
              pick(input.train(), StratifiedFolds.members(fold, f, true)),
              folder.resolve("fold-" + (f + 1) + ".result")));
    }
    return FoldWorkers.start(specs, folder, config.jobs(), progress);
  }

  private static List<FoldResult> collect(
      List<FoldOutcome> outcomes,
      EvaluationInput input,
      TrainingConfig config,
      List<ImagePrediction> out) {
    int[] labels = input.train().stream().mapToInt(LabelledImage::labelIndex).toArray();
    int[] fold = StratifiedFolds.assign(labels, config.folds(), config.seed());
    List<FoldResult> results = new ArrayList<>();
    for (FoldOutcome outcome : outcomes) {
      int[] held = StratifiedFolds.members(fold, outcome.fold(), true);
      results.add(outcome.collect(pick(input.train(), held), out));
    }
    return results;
  }

  /** One progress for the main model's thread and the workers' output readers. */
  private static Progress synchronizedProgress(Progress progress) {
    return new Progress() {
      @Override
      public synchronized void update(String stage, long done, long total) {
        progress.update(stage, done, total);
      }

      @Override
      public boolean isCancelled() {
        return progress.isCancelled();
      }
    };
  }

  /** Each fold's model starts from its own, seed-determined weights. */
  static long foldSeed(long seed, int fold) {
    return seed * 1_000_003L + fold + 1;
  }

  private static void predict(
      Classifier classifier,
      List<LabelledImage> images,
      TensorSet tensors,
      Split split,
      int fold,
      boolean inSample,
      List<ImagePrediction> out,
      Progress progress) {
    if (images.isEmpty()) {
      return;
    }
    progress.update("predict " + split, 0, images.size());
    float[][] logits = classifier.logits(tensors.inputs(), progress);
    for (int i = 0; i < images.size(); i++) {
      out.add(ImagePrediction.of(images.get(i), split, logits[i], fold, inSample));
    }
    progress.update("predict " + split, images.size(), images.size());
  }

  private static Map<Split, TensorSet> decodeAll(
      Map<Split, List<LabelledImage>> images, int threads, Progress progress) throws IOException {
    List<LabelledImage> all = new ArrayList<>();
    images.values().forEach(all::addAll);
    TensorSet decoded = TensorCache.decode(all, threads, progress);
    Map<Split, TensorSet> bySplit = new EnumMap<>(Split.class);
    int start = 0;
    for (Map.Entry<Split, List<LabelledImage>> e : images.entrySet()) {
      int[] positions = new int[e.getValue().size()];
      for (int i = 0; i < positions.length; i++) {
        positions[i] = start + i;
      }
      bySplit.put(e.getKey(), decoded.subset(positions));
      start += positions.length;
    }
    return bySplit;
  }

  private static Map<Split, Double> accuracies(List<ImagePrediction> predictions) {
    Map<Split, int[]> counts = new EnumMap<>(Split.class);
    for (ImagePrediction p : predictions) {
      int[] c = counts.computeIfAbsent(p.split(), s -> new int[2]);
      c[0] += p.correct() ? 1 : 0;
      c[1]++;
    }
    Map<Split, Double> acc = new EnumMap<>(Split.class);
    counts.forEach((split, c) -> acc.put(split, (double) c[0] / c[1]));
    return acc;
  }

  private static double sec(long nanos) {
    return nanos / 1e9;
  }
}

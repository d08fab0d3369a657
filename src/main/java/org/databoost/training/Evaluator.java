package org.databoost.training;

import java.io.IOException;
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
    TorchEngine.acquire(progress);
    try {
      TorchEngine.start(config.threads());
      return run(input, config, progress);
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

  private static EvaluationRun run(EvaluationInput input, TrainingConfig config, Progress progress)
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
    if (config.folds() >= 2) {
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
        timings);
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
      String prefix = "fold " + (f + 1) + "/" + k + ": ";
      TrainedModel model =
          new ModelTrainer(config, progress, prefix)
              .train(train.subset(fit), val, classes, foldSeed(config.seed(), f));
      List<LabelledImage> heldImages = new ArrayList<>();
      for (int i : held) {
        heldImages.add(trainImages.get(i));
      }
      List<ImagePrediction> foldPredictions = new ArrayList<>();
      try (Classifier classifier = model.open()) {
        predict(
            classifier,
            heldImages,
            train.subset(held),
            Split.TRAIN,
            f,
            false,
            foldPredictions,
            progress);
      }
      long correct = foldPredictions.stream().filter(ImagePrediction::correct).count();
      out.addAll(foldPredictions);
      results.add(
          new FoldResult(
              f,
              fit.length,
              held.length,
              model.bestEpoch(),
              model.bestValAccuracy(),
              held.length == 0 ? Double.NaN : (double) correct / held.length,
              model.history()));
    }
    return results;
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

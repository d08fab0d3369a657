package org.databoost.training;

import java.util.List;
import java.util.Map;
import org.databoost.dataset.Split;

/**
 * The result of {@link Evaluator#evaluate}: a prediction for every image, and how the models that
 * made them were trained.
 *
 * @param config the preset and parameters used (seed and thread count included)
 * @param labels the ordered label names the indices refer to
 * @param predictions one per image: validation, test and label-book images by the main model;
 *     training images out of sample by their fold's model (or in sample when {@code folds} is 0)
 * @param accuracy accuracy per split that has images (training: over the predictions above)
 * @param bestEpoch the main model's kept epoch
 * @param bestValAccuracy the main model's validation accuracy at that epoch
 * @param history the main model's epochs
 * @param folds one entry per cross-validation fold (empty when {@code folds} is 0)
 * @param timings where the time went
 * @param model the main model itself (about 1 MB of parameters), for judges that classify images of
 *     their own, such as Boost's corpus images
 */
public record EvaluationRun(
    TrainingConfig config,
    List<String> labels,
    List<ImagePrediction> predictions,
    Map<Split, Double> accuracy,
    int bestEpoch,
    double bestValAccuracy,
    List<EpochStats> history,
    List<FoldResult> folds,
    Timings timings,
    TrainedModel model) {

  /**
   * One cross-validation fold.
   *
   * @param fold 0-based fold index
   * @param trainImages images the fold's model was trained on
   * @param heldOutImages training images it predicted
   * @param bestEpoch its kept epoch
   * @param bestValAccuracy its validation accuracy at that epoch
   * @param heldOutAccuracy its accuracy on the held-out images
   * @param history its epochs
   */
  public record FoldResult(
      int fold,
      int trainImages,
      int heldOutImages,
      int bestEpoch,
      double bestValAccuracy,
      double heldOutAccuracy,
      List<EpochStats> history) {}

  /**
   * Wall-clock seconds of each phase.
   *
   * @param decodeSeconds decoding and pre-processing every image
   * @param trainSeconds training the main model
   * @param crossValidationSeconds training and predicting all folds
   * @param predictSeconds the main model's predictions
   * @param totalSeconds everything
   */
  public record Timings(
      double decodeSeconds,
      double trainSeconds,
      double crossValidationSeconds,
      double predictSeconds,
      double totalSeconds) {}
}

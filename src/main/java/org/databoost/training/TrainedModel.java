package org.databoost.training;

import java.util.List;

/**
 * The outcome of one training: the parameters (BatchNorm running statistics included) of the epoch
 * with the best validation accuracy, and how training went.
 *
 * @param parameters the kept parameters as written by {@code Block.saveParameters}
 * @param classes number of outputs
 * @param bestEpoch 1-based epoch whose weights were kept
 * @param bestValAccuracy validation accuracy of that epoch (NaN without validation images)
 * @param history every epoch that ran
 */
public record TrainedModel(
    byte[] parameters,
    int classes,
    int bestEpoch,
    double bestValAccuracy,
    List<EpochStats> history) {

  /** A fresh model holding the kept parameters, for inference; close it after use. */
  public Classifier open() {
    return Classifier.load(this);
  }

  /** Seconds spent in all epochs. */
  public double seconds() {
    return history.stream().mapToDouble(EpochStats::seconds).sum();
  }
}

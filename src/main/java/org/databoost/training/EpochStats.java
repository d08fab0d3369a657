package org.databoost.training;

/**
 * One epoch of training.
 *
 * @param epoch 1-based epoch number
 * @param loss mean training loss over the epoch's images
 * @param valAccuracy validation accuracy after the epoch (NaN without validation images)
 * @param seconds wall time of the epoch, validation included
 */
public record EpochStats(int epoch, double loss, double valAccuracy, double seconds) {}

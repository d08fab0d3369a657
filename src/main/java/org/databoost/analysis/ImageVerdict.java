package org.databoost.analysis;

/**
 * What confident learning concluded about one image.
 *
 * @param index the row of the image in the input arrays
 * @param givenLabel the label the dataset gives it
 * @param suggestedLabel the label to propose when {@code labelError} is set (the most probable of
 *     the classes the model is confident about, else the most probable class); the given label
 *     otherwise
 * @param qualityScore label quality in [0, 1] by the chosen {@link RankBy}; lower = more likely
 *     wrong
 * @param maxProbability the largest predicted probability of any class
 * @param normalizedEntropy entropy of the predicted probabilities divided by ln K, in [0, 1]
 * @param labelError whether the given label is estimated to be wrong
 * @param outOfDistribution whether the image seems to belong to no class at all (see {@link
 *     OutOfDistributionRule})
 */
public record ImageVerdict(
    int index,
    int givenLabel,
    int suggestedLabel,
    double qualityScore,
    double maxProbability,
    double normalizedEntropy,
    boolean labelError,
    boolean outOfDistribution) {}

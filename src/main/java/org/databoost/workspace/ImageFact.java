package org.databoost.workspace;

/**
 * What the embedding-space analysis says about one image content.
 *
 * @param duplicateGroup the near-duplicate group (-1: none)
 * @param outlier mean cosine distance to its nearest neighbours in its split (NaN: unknown)
 */
public record ImageFact(String hash, int duplicateGroup, double outlier) {}

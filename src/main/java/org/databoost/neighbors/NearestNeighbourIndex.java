package org.databoost.neighbors;

import org.databoost.task.Progress;

/**
 * A searchable set of rows: the k rows most similar (inner product, cosine on normalised rows) to a
 * query. {@link HnswIndex} answers approximately for very large sets; {@link ExactSearch} is the
 * exact answer everything else is measured against.
 */
public interface NearestNeighbourIndex {

  /** Number of indexed rows. */
  int size();

  int dim();

  /** The k most similar rows to one query, as a one-query {@link Neighbors}. */
  Neighbors search(float[] query, int k);

  /** Every query's k most similar rows, on all threads the index was configured with. */
  Neighbors searchAll(Vectors queries, int k, Progress progress);
}

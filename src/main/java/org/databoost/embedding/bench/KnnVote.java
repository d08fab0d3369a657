package org.databoost.embedding.bench;

import java.util.HashMap;
import java.util.Map;
import org.databoost.embedding.Vectors;

/**
 * k-nearest-neighbour label vote by cosine similarity (exact search over L2-normalised vectors):
 * the most frequent label among the k most similar index vectors; a tie goes to the label with the
 * larger summed similarity.
 */
public final class KnnVote {
  private final float[][] index;
  private final String[] labels;
  private final int k;

  public KnnVote(float[][] index, String[] labels, int k) {
    if (index.length != labels.length) {
      throw new IllegalArgumentException(index.length + " vectors, " + labels.length + " labels");
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    this.index = index;
    this.labels = labels;
    this.k = k;
  }

  /** The voted label of {@code query}. */
  public String predict(float[] query) {
    int n = Math.min(k, index.length);
    int[] best = new int[n];
    float[] sims = new float[n];
    int filled = 0;
    for (int i = 0; i < index.length; i++) {
      float s = Vectors.dot(query, index[i]);
      if (filled < n) {
        insert(best, sims, filled++, i, s);
      } else if (s > sims[n - 1]) {
        insert(best, sims, n - 1, i, s);
      }
    }
    Map<String, Integer> votes = new HashMap<>();
    Map<String, Double> weight = new HashMap<>();
    for (int j = 0; j < filled; j++) {
      votes.merge(labels[best[j]], 1, Integer::sum);
      weight.merge(labels[best[j]], (double) sims[j], Double::sum);
    }
    String winner = null;
    for (String label : votes.keySet()) {
      if (winner == null
          || votes.get(label) > votes.get(winner)
          || (votes.get(label).equals(votes.get(winner))
              && weight.get(label) > weight.get(winner))) {
        winner = label;
      }
    }
    return winner;
  }

  /** Inserts (i, s) into the descending list, whose last used slot is {@code slot}. */
  private static void insert(int[] best, float[] sims, int slot, int i, float s) {
    int j = slot;
    while (j > 0 && sims[j - 1] < s) {
      best[j] = best[j - 1];
      sims[j] = sims[j - 1];
      j--;
    }
    best[j] = i;
    sims[j] = s;
  }

  /** Share of {@code queries} whose voted label equals the given one. */
  public double accuracy(float[][] queries, String[] queryLabels) {
    int correct = 0;
    for (int q = 0; q < queries.length; q++) {
      if (predict(queries[q]).equals(queryLabels[q])) {
        correct++;
      }
    }
    return queries.length == 0 ? Double.NaN : (double) correct / queries.length;
  }
}

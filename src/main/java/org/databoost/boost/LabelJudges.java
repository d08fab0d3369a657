package org.databoost.boost;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The label of an unlabelled corpus image from its two judges, the similarity-weighted vote of the
 * nearest training images and the round's model: each gives a distribution over the labels (the
 * vote's weight shares, the model's softmax), the proposal is the argmax of their plain average and
 * its confidence is the average's value there. When both judges name the same label its confidence
 * is the mean of theirs; when they disagree the winner's confidence is pulled down by the judge
 * that preferred another label, and the source says which judge's label won and what the other
 * said. Equal weights: nothing here is fitted on any data.
 */
final class LabelJudges {
  private LabelJudges() {}

  /** A proposed label, the judges behind it, and its confidence (0..1). */
  record Judged(String label, String source, double confidence) {}

  /**
   * Combines the vote ({@code votes}: label to summed similarity weight; empty when no training
   * image voted) with the model's probabilities ({@code model}, columns {@code modelLabels}; null
   * when the model cannot judge this image). Null when neither judge can say.
   */
  static Judged combine(Map<String, Double> votes, float[] model, List<String> modelLabels) {
    Map<String, Double> knn = shares(votes);
    Map<String, Double> byModel = new HashMap<>();
    for (int i = 0; model != null && i < model.length; i++) {
      byModel.put(modelLabels.get(i), (double) model[i]);
    }
    if (byModel.isEmpty()) {
      if (knn.isEmpty()) {
        return null;
      }
      String label = argmax(knn);
      return new Judged(label, CorpusProposal.FROM_KNN, knn.get(label));
    }
    if (knn.isEmpty()) {
      String label = argmax(byModel);
      return new Judged(label, CorpusProposal.FROM_MODEL, byModel.get(label));
    }
    Map<String, Double> mean = new HashMap<>();
    for (String l : union(knn, byModel)) {
      mean.put(l, (knn.getOrDefault(l, 0.0) + byModel.getOrDefault(l, 0.0)) / 2);
    }
    String label = argmax(mean);
    String knnTop = argmax(knn);
    String modelTop = argmax(byModel);
    String source;
    if (label.equals(knnTop) && label.equals(modelTop)) {
      source = CorpusProposal.FROM_KNN_AND_MODEL;
    } else if (label.equals(knnTop)) {
      source = says(CorpusProposal.FROM_KNN, CorpusProposal.FROM_MODEL, modelTop, byModel);
    } else if (label.equals(modelTop)) {
      source = says(CorpusProposal.FROM_MODEL, CorpusProposal.FROM_KNN, knnTop, knn);
    } else {
      source =
          String.format(
              Locale.ROOT,
              "%s, averaged (%s says %s %.2f, %s says %s %.2f)",
              CorpusProposal.FROM_KNN_AND_MODEL,
              CorpusProposal.FROM_KNN,
              knnTop,
              knn.get(knnTop),
              CorpusProposal.FROM_MODEL,
              modelTop,
              byModel.get(modelTop));
    }
    return new Judged(label, source, mean.get(label));
  }

  private static String says(
      String winner, String other, String otherLabel, Map<String, Double> otherShares) {
    return String.format(
        Locale.ROOT,
        "%s (%s says %s %.2f)",
        winner,
        other,
        otherLabel,
        otherShares.get(otherLabel));
  }

  private static Set<String> union(Map<String, Double> a, Map<String, Double> b) {
    Set<String> out = new HashSet<>(a.keySet());
    out.addAll(b.keySet());
    return out;
  }

  /** Weights as shares of their sum; empty when they sum to nothing. */
  private static Map<String, Double> shares(Map<String, Double> weights) {
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> out = new HashMap<>();
    if (sum > 0) {
      weights.forEach((l, w) -> out.put(l, w / sum));
    }
    return out;
  }

  /** The label with the largest value; ties go to the alphabetically first label. */
  static String argmax(Map<String, Double> values) {
    String best = null;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      if (best == null
          || e.getValue() > values.get(best)
          || (e.getValue().equals(values.get(best)) && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
      }
    }
    return best;
  }
}

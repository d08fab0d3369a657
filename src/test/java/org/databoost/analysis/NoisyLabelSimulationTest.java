package org.databoost.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Synthetic label noise: 2,000 images of 10 classes whose out-of-sample probabilities come from
 * their true class, with 10% of the given labels flipped by a seeded RNG. Confident learning must
 * find the flipped ones with precision ≥ 0.8 at recall ≥ 0.6.
 */
class NoisyLabelSimulationTest {
  static final int N = 2000;
  static final int K = 10;
  static final int JUNK = 20;
  static final long SEED = 20210601L;

  record Simulation(
      float[][] probabilities,
      int[] given,
      Set<Integer> flipped,
      Set<Integer> junk,
      double accuracy) {}

  /**
   * Logits are Gaussian noise plus a per-image signal on the true class (sometimes weak, so the
   * model is unsure) and a smaller pull towards the "neighbouring" class (ii vs iii), as a real
   * classifier confuses similar numerals. The last {@code junkImages} images belong to no class:
   * their probabilities are drawn from a flat Dirichlet distribution and their labels at random.
   */
  static Simulation simulate(long seed, int junkImages) {
    Random rng = new Random(seed);
    int[] truth = new int[N + junkImages];
    float[][] p = new float[N + junkImages][K];
    int correct = 0;
    for (int x = 0; x < N; x++) {
      truth[x] = rng.nextInt(K);
      double[] logits = new double[K];
      for (int k = 0; k < K; k++) {
        logits[k] = rng.nextGaussian();
      }
      logits[truth[x]] += 4.0 + rng.nextGaussian();
      logits[(truth[x] + 1) % K] += 1.0 * rng.nextDouble();
      // Trained networks are over-confident: sharpen as a softmax with temperature 1/2 would.
      p[x] = softmax(Arrays.stream(logits).map(l -> 2 * l).toArray());
      if (ClassRows.argmax(p[x]) == truth[x]) {
        correct++;
      }
    }
    Set<Integer> junk = new HashSet<>();
    for (int x = N; x < N + junkImages; x++) {
      truth[x] = rng.nextInt(K);
      double[] gamma = new double[K];
      for (int k = 0; k < K; k++) {
        gamma[k] = -Math.log(1 - rng.nextDouble()); // Gamma(1) = Exp(1): a flat Dirichlet
      }
      p[x] = softmax(Arrays.stream(gamma).map(Math::log).toArray());
      junk.add(x);
    }
    int[] given = truth.clone();
    List<Integer> order = new ArrayList<>(IntStream.range(0, N).boxed().toList());
    Collections.shuffle(order, rng);
    Set<Integer> flipped = new HashSet<>(order.subList(0, N / 10));
    for (int x : flipped) {
      given[x] = (truth[x] + 1 + rng.nextInt(K - 1)) % K;
    }
    return new Simulation(p, given, flipped, junk, correct / (double) N);
  }

  static float[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    double[] e = new double[logits.length];
    for (int k = 0; k < logits.length; k++) {
      e[k] = Math.exp(logits[k] - max);
      sum += e[k];
    }
    float[] out = new float[logits.length];
    for (int k = 0; k < logits.length; k++) {
      out[k] = (float) (e[k] / sum);
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(
      value = PruneMethod.class,
      names = {"PRUNE_BY_NOISE_RATE", "BOTH"})
  void findsFlippedLabelsWithHighPrecisionAndRecall(PruneMethod method) {
    Simulation sim = simulate(SEED, 0);
    LabelIssues issues =
        new LabelIssueFinder(LabelIssueOptions.defaults().withPruneMethod(method))
            .find(sim.probabilities(), sim.given());
    List<ImageVerdict> flagged = issues.labelErrors();
    long hits = flagged.stream().filter(v -> sim.flipped().contains(v.index())).count();
    double precision = flagged.isEmpty() ? 0 : hits / (double) flagged.size();
    double recall = hits / (double) sim.flipped().size();
    long suggestedRight =
        flagged.stream()
            .filter(v -> sim.flipped().contains(v.index()))
            .filter(v -> ClassRows.argmax(sim.probabilities()[v.index()]) == v.suggestedLabel())
            .count();
    System.out.printf(
        "confident learning (%s): model accuracy on true labels %.3f, %d flipped, %d flagged,"
            + " precision %.3f, recall %.3f, estimated errors %d, %d flagged as out of"
            + " distribution, suggestion = argmax for %d of %d hits%n",
        method,
        sim.accuracy(),
        sim.flipped().size(),
        flagged.size(),
        precision,
        recall,
        issues.estimatedErrorCount(),
        issues.outOfDistribution().size(),
        suggestedRight,
        hits);
    assertTrue(precision >= 0.8, "precision " + precision);
    assertTrue(recall >= 0.6, "recall " + recall);
  }

  @Test
  void flagsTheImagesThatBelongToNoClassAndFewOthers() {
    Simulation sim = simulate(SEED, JUNK);
    LabelIssues issues = new LabelIssueFinder().find(sim.probabilities(), sim.given());
    List<ImageVerdict> ood = issues.outOfDistribution();
    long junkFound = ood.stream().filter(v -> sim.junk().contains(v.index())).count();
    long others = ood.size() - junkFound;
    System.out.printf(
        "out of distribution: %d of %d junk images flagged, %d of %d real images flagged%n",
        junkFound, JUNK, others, N);
    assertTrue(junkFound >= JUNK * 0.8, "junk found " + junkFound);
    assertTrue(others <= N / 50, "real images flagged as junk " + others);
  }
}

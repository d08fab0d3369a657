package org.databoost.projection;

import java.util.Arrays;
import org.databoost.task.Progress;

/**
 * UMAP's layout optimisation as umap-learn runs it: each directed edge is sampled in proportion to
 * its weight, pulled with the attractive gradient of {@code 1 / (1 + a d^(2b))}, and pushed away
 * from 5 random rows per sample; gradients clipped to 4; learning rate decays linearly from 1.
 *
 * <p>With several workers each epoch's edges (grouped by head row) are split into contiguous parts
 * run in parallel on one shared embedding without locks, Hogwild-style like umap-learn's parallel
 * mode: the negative samples are seeded per (seed, epoch, part), but the interleaving of writes is
 * up to the scheduler, so only a single worker gives bit-identical results.
 */
final class SgdLayout {
  private static final int NEGATIVE_RATE = 5;
  private static final double GAMMA = 1.0;
  private static final double CLIP = 4.0;

  private final int n;
  private final int[] head;
  private final int[] tail;
  private final float[] epochsPerSample;
  private final float[] nextSample;
  private final float[] epochsPerNegative;
  private final float[] nextNegative;
  private final double a;
  private final double b;
  private final PowTable powB;

  /** {@code g} must already be pruned of edges too weak to be sampled in {@code epochs}. */
  SgdLayout(FuzzyGraph g, double a, double b) {
    this.n = g.n();
    this.a = a;
    this.b = b;
    this.powB = new PowTable(b);
    int m = g.edges();
    int[] start = new int[n + 1];
    for (int e = 0; e < m; e++) {
      start[g.from()[e] + 1]++;
      start[g.to()[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int total = 2 * m;
    head = new int[total];
    tail = new int[total];
    float[] w = new float[total];
    int[] fill = Arrays.copyOf(start, n);
    float maxW = 0;
    for (int e = 0; e < m; e++) {
      int p = g.from()[e], q = g.to()[e];
      float we = g.weight()[e];
      maxW = Math.max(maxW, we);
      int s = fill[p]++;
      head[s] = p;
      tail[s] = q;
      w[s] = we;
      s = fill[q]++;
      head[s] = q;
      tail[s] = p;
      w[s] = we;
    }
    epochsPerSample = new float[total];
    epochsPerNegative = new float[total];
    for (int e = 0; e < total; e++) {
      epochsPerSample[e] = maxW / w[e];
      epochsPerNegative[e] = epochsPerSample[e] / NEGATIVE_RATE;
    }
    nextSample = epochsPerSample.clone();
    nextNegative = epochsPerNegative.clone();
  }

  /** Optimises {@code emb} (interleaved x, y) in place; cancellable between epochs. */
  void run(float[] emb, int epochs, long seed, Workers workers, Progress progress) {
    int parts = workers.threads();
    int total = head.length;
    String stage = "layout";
    for (int epoch = 0; epoch < epochs; epoch++) {
      progress.checkCancelled();
      progress.update(stage, epoch, epochs);
      double alpha = 1.0 - epoch / (double) epochs;
      int ep = epoch;
      workers.runAll(
          part -> {
            long from = (long) total * part / parts;
            long to = (long) total * (part + 1) / parts;
            long rng = mix(seed ^ mix(ep * 0x9E3779B97F4A7C15L + part));
            epoch(emb, (int) from, (int) to, ep, alpha, rng);
          });
    }
    progress.update(stage, epochs, epochs);
  }

  private void epoch(float[] emb, int from, int to, int epoch, double alpha, long rng) {
    double a = this.a;
    double b = this.b;
    double twoAb = 2 * a * b;
    double twoGammaB = 2 * GAMMA * b;
    for (int e = from; e < to; e++) {
      if (nextSample[e] > epoch) {
        continue;
      }
      int j = head[e];
      int k = tail[e];
      double cx = emb[2 * j], cy = emb[2 * j + 1];
      double dx = cx - emb[2 * k], dy = cy - emb[2 * k + 1];
      double d2 = dx * dx + dy * dy;
      if (d2 > 0) {
        double pb = powB.pow(d2);
        double coeff = -twoAb * (pb / d2) / (a * pb + 1);
        double gx = clip(coeff * dx) * alpha;
        double gy = clip(coeff * dy) * alpha;
        cx += gx;
        cy += gy;
        emb[2 * k] -= (float) gx;
        emb[2 * k + 1] -= (float) gy;
      }
      nextSample[e] += epochsPerSample[e];
      int negatives = (int) ((epoch - nextNegative[e]) / epochsPerNegative[e]);
      for (int p = 0; p < negatives; p++) {
        rng = xorshift(rng);
        int o = (int) (((rng >>> 32) * n) >>> 32);
        if (o == j) {
          continue;
        }
        double ex = cx - emb[2 * o], ey = cy - emb[2 * o + 1];
        double e2 = ex * ex + ey * ey;
        if (e2 > 0) {
          double coeff = twoGammaB / ((0.001 + e2) * (a * powB.pow(e2) + 1));
          cx += clip(coeff * ex) * alpha;
          cy += clip(coeff * ey) * alpha;
        }
      }
      emb[2 * j] = (float) cx;
      emb[2 * j + 1] = (float) cy;
      nextNegative[e] += negatives * epochsPerNegative[e];
    }
  }

  private static double clip(double v) {
    return v > CLIP ? CLIP : (v < -CLIP ? -CLIP : v);
  }

  private static long xorshift(long x) {
    x ^= x << 13;
    x ^= x >>> 7;
    x ^= x << 17;
    return x;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return z == 0 ? 0x9E3779B97F4A7C15L : z;
  }
}

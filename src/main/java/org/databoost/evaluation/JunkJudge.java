package org.databoost.evaluation;

import java.util.List;
import org.databoost.analysis.LinearProbe;
import org.databoost.embedding.Embedder;
import org.databoost.sample.SyntheticJunk;
import org.databoost.task.Progress;

/**
 * A judge that knows what junk looks like: a linear probe on the glyph embeddings with one class
 * more than the dataset has, trained on the dataset's images under their given labels plus {@value
 * #SYNTHETIC} drawings that are no numeral (the sample generator's hearts, scribbles, smileys,
 * noisy pages and letters) as the extra class. Each image's probability of that class comes from
 * the folds that did not see it. The synthetic drawings never enter the dataset.
 */
public final class JunkJudge {
  /** Synthetic junk drawings in the extra class. */
  public static final int SYNTHETIC = 400;

  /** Their seed: the same drawings every time. */
  public static final long SYNTHETIC_SEED = 2021;

  /**
   * The {@link #score} at or above which an image is junk. Chosen on generated samples made for it
   * (seeds 99, 7 and 123 with 30, 60 and 80 junk images) and on the competition data's train split
   * by eye, never on the default sample or the images reported (docs/label-errors.md).
   */
  public static final double THRESHOLD = 0.55;

  /**
   * The {@link #score} of the glyph network's own junk probability (the head it was trained with,
   * junk being its last class) at or above which an image is junk too. Chosen on the same samples
   * (with {@code glyph-v3}: 27, 53 and 72 of their 30, 60 and 80 junk images with the judge's
   * score, against 27, 53 and 68 without, no numeral either way) and on the competition data's
   * train split by eye (the 17 train images at 0.9 or more: 15 junk; the 16 between 0.85 and 0.9:
   * 11). A network trained on synthetic junk puts the synthetic junk apart, so the probe's boundary
   * around it leaves much of the real junk out; the network's own head sees more of it.
   */
  public static final double NETWORK_THRESHOLD = 0.9;

  /**
   * The network's junk score (as for {@link #NETWORK_THRESHOLD}) at which an image that the judges
   * would call a label error is called junk instead: the judges already doubt its label, and a
   * drawing the network also takes for junk is more likely junk than a numeral of another class. On
   * the competition data's train split 11 of the 13 label-error flags between 0.8 and 0.9 were junk
   * by eye (spirals, hearts, stars, scribbles), 1 of 3 between 0.7 and 0.8 (docs/label-errors.md).
   */
  public static final double FLAGGED_NETWORK_THRESHOLD = 0.8;

  /**
   * The junk score of an image: its junk probability times how little its neighbours agree with its
   * given label (one minus the leave-one-out k-NN's probability of that label). Real junk is filed
   * under any label, so its neighbours (other junk) rarely share it; a bold or boxed numeral that
   * the probe finds junk-like still sits among numerals of its own class.
   *
   * @param knnGiven the k-NN's probability of the given label; 0 when there is no k-NN (one class)
   */
  public static double score(double junkProbability, double knnGiven) {
    return junkProbability * (1 - knnGiven);
  }

  /** The fewest synthetic drawings in the junk class, however small the dataset. */
  static final int MIN_JUNK = 20;

  /** The junk class's size at most, as a multiple of the dataset's images per class. */
  static final int JUNK_PER_CLASS = 4;

  private JunkJudge() {}

  /** The synthetic junk's embeddings by this embedder. */
  public static float[][] syntheticVectors(Embedder embedder, Progress progress) {
    List<java.awt.image.BufferedImage> images = SyntheticJunk.draw(SYNTHETIC, SYNTHETIC_SEED);
    return embedder.embedImages(images, progress);
  }

  /**
   * Each image's out-of-sample probability of being junk.
   *
   * @param vectors the images' embeddings
   * @param labels their given labels in [0, classes)
   * @param junk embeddings of known junk (the extra class); none gives all zeros
   */
  public static double[] probability(
      float[][] vectors, int[] labels, int classes, float[][] junk, long seed) {
    int n = vectors.length;
    double[] out = new double[n];
    if (junk.length == 0 || n == 0) {
      return out;
    }
    // At most four times as many junk drawings as the dataset has images per class: a junk class
    // much larger than that taught the probe that most things are junk (a 90-image sample had a
    // third of its numerals called junk against 400 drawings).
    junk =
        java.util.Arrays.copyOf(
            junk, Math.max(MIN_JUNK, Math.min(junk.length, JUNK_PER_CLASS * n / classes)));
    float[][] all = new float[n + junk.length][];
    int[] lab = new int[all.length];
    for (int i = 0; i < n; i++) {
      all[i] = vectors[i];
      lab[i] = labels[i];
    }
    for (int j = 0; j < junk.length; j++) {
      all[n + j] = junk[j];
      lab[n + j] = classes;
    }
    float[][] rows =
        LinearProbe.outOfSample(
            all, lab, classes + 1, EmbeddingJudge.FOLDS, seed, LinearProbe.DEFAULT_LAMBDA);
    for (int i = 0; i < n; i++) {
      out[i] = rows[i][classes];
    }
    return out;
  }
}

package org.databoost.autopilot;

import org.databoost.boost.BoostOptions;
import org.databoost.training.TrainingConfig;

/**
 * Which steps the autopilot runs and with what parameters. Every step can be switched off.
 *
 * @param clean a. remove junk and leaks
 * @param relabel b. relabel confident label errors to their suggestion
 * @param relabelConfidence b. least probability the judge gives the suggested label for a flagged
 *     image to be relabelled (flagged images below it are left as they are)
 * @param normalise c. crop every train and val image to its ink with a margin, pad to square
 * @param margin c. the margin around the ink, as a fraction of the ink box's longer side
 * @param resplit d. pool train and val and split them again, stratified by label
 * @param valShare d. the share of each label that goes to val
 * @param poolLabelBook d. pool the label book into train and val too
 * @param fill e. fill the budget with class-balanced, label-preserving augmentation
 * @param fillShare e. the share of the budget filled before Boost (Boost gets the rest)
 * @param flips e. also use the flips verified on the data to keep (or map) a class
 * @param rotation e. largest rotation of a fill image, degrees either way
 * @param boost f. Boost rounds for the remaining validation errors within the rest of the budget
 * @param boostRounds f. most Boost rounds
 * @param boostK f. candidates per validation error
 * @param boostCandidates f. candidates in Boost's pool
 * @param budget most train + val images at the end
 * @param training how Boost's models are trained
 * @param seed seeds the re-split, the fill and Boost's pool
 */
public record AutopilotOptions(
    boolean clean,
    boolean relabel,
    double relabelConfidence,
    boolean normalise,
    double margin,
    boolean resplit,
    double valShare,
    boolean poolLabelBook,
    boolean fill,
    double fillShare,
    boolean flips,
    double rotation,
    boolean boost,
    int boostRounds,
    int boostK,
    int boostCandidates,
    int budget,
    TrainingConfig training,
    long seed) {

  public AutopilotOptions {
    if (!(relabelConfidence >= 0 && relabelConfidence <= 1)) {
      throw new IllegalArgumentException("relabel confidence must be within 0..1");
    }
    if (!(margin >= 0 && margin <= 1)) {
      throw new IllegalArgumentException("the margin must be within 0..1 of the ink box");
    }
    if (!(valShare > 0 && valShare < 1)) {
      throw new IllegalArgumentException("the val share must be between 0 and 1: " + valShare);
    }
    if (!(fillShare > 0 && fillShare <= 1)) {
      throw new IllegalArgumentException("the fill share must be within (0, 1]: " + fillShare);
    }
    if (!(rotation >= 0 && rotation <= 45)) {
      throw new IllegalArgumentException("the rotation must be within 0..45 degrees");
    }
    if (budget < 1 || boostRounds < 1 || boostK < 1 || boostCandidates < 1) {
      throw new IllegalArgumentException("budget, rounds, k and candidates must be at least 1");
    }
  }

  /** The defaults, chosen on the benchmark (docs/autopilot.md). */
  public static AutopilotOptions defaults() {
    return new AutopilotOptions(
        true,
        true,
        0.5,
        false,
        0.08,
        true,
        0.15,
        false,
        true,
        0.85,
        true,
        15,
        true,
        2,
        BoostOptions.DEFAULT_K,
        BoostOptions.defaultCandidates(),
        BoostOptions.DEFAULT_BUDGET,
        TrainingConfig.quick(),
        7);
  }

  /** The share of the budget the fill aims at: all of it when Boost is off. */
  public double effectiveFillShare() {
    return boost ? fillShare : 1.0;
  }

  /** A copy with some steps switched, by letter (a..f) and on/off. */
  public AutopilotOptions withStep(char step, boolean on) {
    Copy c = new Copy(this);
    switch (step) {
      case 'a' -> c.clean = on;
      case 'b' -> c.relabel = on;
      case 'c' -> c.normalise = on;
      case 'd' -> c.resplit = on;
      case 'e' -> c.fill = on;
      case 'f' -> c.boost = on;
      default -> {
        // not a step: the copy is unchanged
      }
    }
    return c.build();
  }

  public AutopilotOptions withFlips(boolean value) {
    Copy c = new Copy(this);
    c.flips = value;
    return c.build();
  }

  /** A copy with Boost's rounds, k and pool size. */
  public AutopilotOptions withBoost(int rounds, int k, int candidates) {
    Copy c = new Copy(this);
    c.boostRounds = rounds;
    c.boostK = k;
    c.boostCandidates = candidates;
    return c.build();
  }

  public AutopilotOptions withTraining(TrainingConfig value) {
    Copy c = new Copy(this);
    c.training = value;
    return c.build();
  }

  public AutopilotOptions withBudget(int value) {
    Copy c = new Copy(this);
    c.budget = value;
    return c.build();
  }

  public AutopilotOptions withSeed(long value) {
    Copy c = new Copy(this);
    c.seed = value;
    return c.build();
  }

  /** The fields of a copy being changed; {@link #build} checks them like the constructor. */
  private static final class Copy {
    private boolean clean;
    private boolean relabel;
    private double relabelConfidence;
    private boolean normalise;
    private double margin;
    private boolean resplit;
    private double valShare;
    private boolean poolLabelBook;
    private boolean fill;
    private double fillShare;
    private boolean flips;
    private double rotation;
    private boolean boost;
    private int boostRounds;
    private int boostK;
    private int boostCandidates;
    private int budget;
    private TrainingConfig training;
    private long seed;

    Copy(AutopilotOptions o) {
      clean = o.clean;
      relabel = o.relabel;
      relabelConfidence = o.relabelConfidence;
      normalise = o.normalise;
      margin = o.margin;
      resplit = o.resplit;
      valShare = o.valShare;
      poolLabelBook = o.poolLabelBook;
      fill = o.fill;
      fillShare = o.fillShare;
      flips = o.flips;
      rotation = o.rotation;
      boost = o.boost;
      boostRounds = o.boostRounds;
      boostK = o.boostK;
      boostCandidates = o.boostCandidates;
      budget = o.budget;
      training = o.training;
      seed = o.seed;
    }

    AutopilotOptions build() {
      return new AutopilotOptions(
          clean,
          relabel,
          relabelConfidence,
          normalise,
          margin,
          resplit,
          valShare,
          poolLabelBook,
          fill,
          fillShare,
          flips,
          rotation,
          boost,
          boostRounds,
          boostK,
          boostCandidates,
          budget,
          training,
          seed);
    }
  }
}

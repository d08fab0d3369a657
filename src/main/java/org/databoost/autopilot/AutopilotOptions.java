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
    return new AutopilotOptions(
        step == 'a' ? on : clean,
        step == 'b' ? on : relabel,
        relabelConfidence,
        step == 'c' ? on : normalise,
        margin,
        step == 'd' ? on : resplit,
        valShare,
        poolLabelBook,
        step == 'e' ? on : fill,
        fillShare,
        flips,
        rotation,
        step == 'f' ? on : boost,
        boostRounds,
        boostK,
        boostCandidates,
        budget,
        training,
        seed);
  }

  public AutopilotOptions withFlips(boolean value) {
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
        value,
        rotation,
        boost,
        boostRounds,
        boostK,
        boostCandidates,
        budget,
        training,
        seed);
  }

  /** A copy with Boost's rounds, k and pool size. */
  public AutopilotOptions withBoost(int rounds, int k, int candidates) {
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
        rounds,
        k,
        candidates,
        budget,
        training,
        seed);
  }

  public AutopilotOptions withTraining(TrainingConfig value) {
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
        value,
        seed);
  }

  public AutopilotOptions withBudget(int value) {
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
        value,
        training,
        seed);
  }

  public AutopilotOptions withSeed(long value) {
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
        value);
  }
}

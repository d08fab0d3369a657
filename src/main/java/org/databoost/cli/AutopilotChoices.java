package org.databoost.cli;

import org.databoost.autopilot.AutopilotOptions;
import org.databoost.training.TrainingConfig;
import picocli.CommandLine.Option;

/** The autopilot's steps and parameters as options; every default is AutopilotOptions'. */
final class AutopilotChoices {
  private static final AutopilotOptions D = AutopilotOptions.defaults();

  @Option(names = "--no-clean", description = "a. Do not remove junk and leaks.")
  boolean noClean;

  @Option(names = "--no-relabel", description = "b. Do not relabel label errors.")
  boolean noRelabel;

  @Option(
      names = "--relabel-confidence",
      description =
          "b. Least probability of the suggestion to relabel (default: ${DEFAULT-VALUE}).")
  double relabelConfidence = D.relabelConfidence();

  @Option(
      names = "--normalise",
      negatable = true,
      description = "c. Crop every image to its ink and pad it to square (default: off).")
  boolean normalise = D.normalise();

  @Option(names = "--margin", description = "c. Margin around the ink (default: ${DEFAULT-VALUE}).")
  double margin = D.margin();

  @Option(names = "--no-resplit", description = "d. Keep train and val as they are.")
  boolean noResplit;

  @Option(
      names = "--val-share",
      description = "d. Val share of each label (default: ${DEFAULT-VALUE}).")
  double valShare = D.valShare();

  @Option(
      names = "--pool-label-book",
      description = "d. Pool the label book into train and val too.")
  boolean poolLabelBook;

  @Option(names = "--no-fill", description = "e. Add no augmented images.")
  boolean noFill;

  @Option(
      names = "--fill-share",
      description = "e. Share of the budget filled before Boost (default: ${DEFAULT-VALUE}).")
  double fillShare = D.fillShare();

  @Option(names = "--no-flips", description = "e. Use no mirrors, even verified ones.")
  boolean noFlips;

  @Option(
      names = "--rotation",
      description = "e. Largest rotation, degrees (default: ${DEFAULT-VALUE}).")
  double rotation = D.rotation();

  @Option(names = "--no-boost", description = "f. Run no Boost rounds.")
  boolean noBoost;

  @Option(names = "--rounds", description = "f. Most Boost rounds (default: ${DEFAULT-VALUE}).")
  int rounds = D.boostRounds();

  @Option(
      names = "--k",
      description = "f. Candidates per validation error (default: ${DEFAULT-VALUE}).")
  int k = D.boostK();

  @Option(names = "--candidates", description = "f. Boost's pool size (default: ${DEFAULT-VALUE}).")
  int candidates = D.boostCandidates();

  @Option(names = "--budget", description = "Most train + val images (default: ${DEFAULT-VALUE}).")
  int budget = D.budget();

  @Option(
      names = "--preset",
      defaultValue = "quick",
      description = "Boost's training: quick or competition.")
  String preset;

  @Option(names = "--threads", description = "Native training threads (default: cores - 1).")
  Integer threads;

  @Option(
      names = "--seed",
      description = "Seed of re-split, fill and pool (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  AutopilotOptions options() {
    TrainingConfig t = TrainingConfig.preset(preset);
    t = threads == null ? t : t.withThreads(threads);
    return new AutopilotOptions(
        !noClean,
        !noRelabel,
        relabelConfidence,
        normalise,
        margin,
        !noResplit,
        valShare,
        poolLabelBook,
        !noFill,
        fillShare,
        !noFlips,
        rotation,
        !noBoost,
        rounds,
        k,
        candidates,
        budget,
        t,
        seed);
  }
}

package org.databoost.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.databoost.boost.BoostOptions;
import org.databoost.boost.BoostReport;
import org.databoost.boost.BoostService;
import org.databoost.boost.CandidatePool;
import org.databoost.boost.CorpusProposal;
import org.databoost.boost.CorpusReview;
import org.databoost.boost.CorpusSource;
import org.databoost.boost.RoundReport;
import org.databoost.corpus.CorpusException;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScanner;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Data Boosting from the command line. */
@Command(
    name = "boost",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Data Boosting: generate a pool of augmented candidates of the training images, embed"
          + " them, add the nearest candidates of each misclassified validation image to train/"
          + " (highest loss first, within the budget) as one undoable edit per round, retrain,"
          + " and repeat; a round that brings no validation gain is undone and boosting stops.",
      "With --corpus NAME the candidates are the nearest images of a registered corpus"
          + " (corpus add) instead: each has a proposed label (the corpus's own, or the training"
          + " images' k-NN vote with its confidence) and waits in the dataset's review queue;"
          + " --auto-accept-above Q adds those with confidence >= Q (copies; the corpus is never"
          + " changed). --review lists the queue; the window's Boost tab accepts, relabels or"
          + " rejects them.",
      "'databoost undo DIR' reverts the newest round."
    })
final class BoostCommand extends WorkspaceCommand {
  @Option(
      names = "--candidates",
      description = "Candidates in the pool (default: ${DEFAULT-VALUE}, sized to this machine).")
  int candidates = BoostOptions.defaultCandidates();

  @Option(names = "--k", description = "Candidates per validation error (default: 10).")
  int k = BoostOptions.DEFAULT_K;

  @Option(names = "--rounds", description = "Most rounds (default: 2).")
  int rounds = BoostOptions.DEFAULT_ROUNDS;

  @Option(names = "--budget", description = "Most train + val images after boosting (10000).")
  int budget = BoostOptions.DEFAULT_BUDGET;

  @Option(
      names = "--embedder",
      description = "Embedder of candidates and queries (default: glyph, the offline glyph-v3).")
  String embedder = "glyph";

  @Option(names = "--preset", defaultValue = "quick", description = "quick or competition.")
  String preset;

  @Option(names = "--epochs", description = "Override the preset's epochs.")
  Integer epochs;

  @Option(names = "--threads", description = "Native training threads (default: cores - 1).")
  Integer threads;

  @Option(
      names = "--compare",
      description = "'random': also train on as many random candidates (the ablation).")
  String compare;

  @Option(names = "--resplit", description = "First re-split train/val, stratified by label.")
  boolean resplit;

  @Option(names = "--seed", description = "Seed of pool, ablation and re-split (default: 7).")
  long seed = 7;

  @Option(names = "--strength", description = "Augmentation strength, 0..1 (default: 1).")
  double strength = 1.0;

  @Option(
      names = "--corpus",
      paramLabel = "NAME",
      description = "Draw candidates from this registered corpus instead of augmentations.")
  String corpus;

  @Option(
      names = "--auto-accept-above",
      paramLabel = "Q",
      description =
          "With --corpus: add proposals whose label confidence is >= Q (0..1) without review;"
              + " the rest wait in the review queue. Without it nothing is added automatically.")
  Double autoAcceptAbove;

  @Option(
      names = "--review",
      description = "With --corpus: list the review queue (nothing is trained or added).")
  boolean review;

  BoostOptions options() {
    TrainingConfig c = TrainingConfig.preset(preset);
    c = epochs == null ? c : c.withEpochs(epochs);
    c = threads == null ? c : c.withThreads(threads);
    if (compare != null && !compare.equalsIgnoreCase("random")) {
      throw new IllegalArgumentException("--compare only knows 'random', not '" + compare + "'");
    }
    return new BoostOptions(
        candidates,
        k,
        rounds,
        budget,
        embedder,
        c,
        compare != null,
        resplit,
        seed,
        BoostOptions.DEFAULT_DUPLICATE_THRESHOLD,
        strength);
  }

  @Override
  int run(Workspace ws) throws WorkspaceException, IOException {
    BoostOptions o;
    try {
      o = options();
    } catch (IllegalArgumentException e) {
      out().println(e.getMessage());
      return ExitCodes.USAGE;
    }
    if ((review || autoAcceptAbove != null) && corpus == null) {
      out().println("--review and --auto-accept-above need --corpus NAME.");
      return ExitCodes.USAGE;
    }
    if (review) {
      return printQueue(out(), CorpusReview.pending(ws), corpus);
    }
    BoostReport report;
    try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      CorpusSource source =
          corpus == null
              ? null
              : new CorpusSource(
                  CorpusCommand.registry().get(corpus),
                  autoAcceptAbove == null
                      ? OptionalDouble.empty()
                      : OptionalDouble.of(autoAcceptAbove));
      report = new BoostService(new DatasetScanner()).boost(ws, o, source, progress);
    } catch (DatasetException e) {
      out().println(e.getMessage());
      return ExitCodes.DATASET_UNUSABLE;
    } catch (CorpusException | IllegalArgumentException e) {
      out().println(e.getMessage());
      return e instanceof CorpusException ? ExitCodes.FAILURE : ExitCodes.USAGE;
    }
    print(out(), report);
    return ExitCodes.OK;
  }

  /** The pending proposals of one corpus, one line each. */
  static int printQueue(PrintWriter out, List<CorpusProposal> pending, String corpus) {
    List<CorpusProposal> mine = pending.stream().filter(p -> p.corpus().equals(corpus)).toList();
    out.printf(
        Locale.ROOT,
        "Review queue: %s from '%s' for review (%,d in all).%n",
        mine.size() == 1
            ? "1 corpus image waits"
            : String.format(Locale.ROOT, "%,d corpus images wait", mine.size()),
        corpus,
        pending.size());
    if (!mine.isEmpty()) {
      out.printf(
          "%-8s %-6s %-18s %5s  %-28s %-40s%n",
          "Row", "Label", "Label source", "Conf", "Serves", "Corpus image");
    }
    for (CorpusProposal p : mine) {
      out.printf(
          Locale.ROOT,
          "%-8d %-6s %-18s %5.2f  %-28s %s (similarity %.3f)%n",
          p.row(),
          p.label(),
          p.labelSource(),
          p.confidence(),
          p.serves(),
          p.path(),
          p.similarity());
    }
    if (!mine.isEmpty()) {
      out.println(
          "Accept, relabel or reject them in the window (Boost tab, Review queue), or add those"
              + " above a confidence with boost DIR --corpus "
              + corpus
              + " --auto-accept-above Q.");
    }
    return ExitCodes.OK;
  }

  static void print(PrintWriter out, BoostReport r) {
    BoostOptions o = r.options();
    out.printf(
        Locale.ROOT,
        "Boost: %,d %s (%s), k %d, budget %,d, %s preset, seed %d%s%s%n",
        r.poolSize(),
        r.corpus().isEmpty() ? "candidates" : "images of the corpus '" + r.corpus() + "'",
        o.embedder(),
        o.k(),
        o.budget(),
        o.training().preset(),
        o.seed(),
        o.compareRandom() ? ", compared with random candidates" : "",
        r.resplitMoved() > 0 ? ", re-split moved " + r.resplitMoved() + " images" : "");
    out.printf(
        Locale.ROOT,
        "Baseline: run #%d%s: val %.4f%s%n",
        r.baselineRunId(),
        r.baselineTrained() ? " (trained now)" : " (the latest run)",
        r.valBaseline(),
        lb(" label book ", r.labelBookBaseline()));
    CandidatePool.PoolTimings t = r.pool();
    if (!r.corpus().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "Review queue: %s for review.%n",
          r.queued() == 1
              ? "1 corpus image waits"
              : String.format(Locale.ROOT, "%,d corpus images wait", r.queued()));
    } else {
      out.printf(
          Locale.ROOT,
          "Pool: sources loaded in %.1f s; generated + embedded in %.1f s (%.0f candidates/s;"
              + " generation %.1f CPU-s on %d threads, embedder %.1f s)%n",
          t.loadSeconds(),
          t.wallSeconds(),
          r.poolSize() / Math.max(t.wallSeconds(), 1e-9),
          t.generateCpuSeconds(),
          t.generatorThreads(),
          t.embedSeconds());
    }
    out.println();
    out.printf(
        "%-5s %7s %8s %17s %17s %17s %6s %6s  %s%n",
        "Round",
        "Errors",
        "Added",
        "Val before->after",
        "Label book",
        "Random val / lb",
        "Fixed",
        "New",
        "Kept");
    for (RoundReport x : r.rounds()) {
      out.printf(
          Locale.ROOT,
          "%-5d %7d %8d %17s %17s %17s %6d %6d  %s%n",
          x.round(),
          x.errorsBefore(),
          x.added(),
          String.format(Locale.ROOT, "%.4f -> %.4f", x.valBefore(), x.valAfter()),
          x.labelBookBefore().isPresent()
              ? String.format(
                  Locale.ROOT,
                  "%.4f -> %.4f",
                  x.labelBookBefore().getAsDouble(),
                  x.labelBookAfter().orElse(Double.NaN))
              : "-",
          x.randomValAfter().isPresent()
              ? String.format(
                  Locale.ROOT,
                  "%.4f / %s",
                  x.randomValAfter().getAsDouble(),
                  x.randomLabelBookAfter().isPresent()
                      ? String.format(Locale.ROOT, "%.4f", x.randomLabelBookAfter().getAsDouble())
                      : "-")
              : "-",
          x.fixed().size(),
          x.appeared().size(),
          x.kept() ? "yes (edit #" + x.opId() + ")" : "no (undone)");
    }
    for (RoundReport x : r.rounds()) {
      out.printf(
          Locale.ROOT,
          "Round %d: %d of %d errors served; dropped %d near training images, %d near each other,"
              + " %d used before; retrieve %.1f s, render %.1f s, write %.1f s, train %.1f s%s%n",
          x.round(),
          x.errorsServed(),
          x.errorsBefore(),
          x.dropped()[0],
          x.dropped()[1],
          x.dropped()[2],
          x.seconds().retrieve(),
          x.seconds().render(),
          x.seconds().write(),
          x.seconds().train(),
          x.randomRunId().isPresent()
              ? String.format(Locale.ROOT, ", random ablation %.1f s", x.seconds().random())
              : "");
      StringBuilder classes = new StringBuilder("  val accuracy per class:");
      for (RoundReport.ClassChange c : x.perClass()) {
        classes.append(
            String.format(Locale.ROOT, " %s %.2f->%.2f", c.label(), c.before(), c.after()));
      }
      out.println(classes);
    }
    out.printf(
        Locale.ROOT,
        "Stopped: %s. Kept %,d added images; val %.4f -> %.4f; %.0f s in all.%n",
        r.stopReason(),
        r.keptImages(),
        r.valBaseline(),
        r.valFinal(),
        r.totalSeconds());
  }

  private static String lb(String prefix, OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%s%.4f", prefix, v.getAsDouble()) : "";
  }
}

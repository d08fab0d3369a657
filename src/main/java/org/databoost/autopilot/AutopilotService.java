package org.databoost.autopilot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.databoost.boost.BoostOptions;
import org.databoost.boost.BoostReport;
import org.databoost.boost.BoostService;
import org.databoost.boost.RoundReport;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetLayout;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.databoost.workspace.BatchEdits;
import org.databoost.workspace.HistoryEntry;
import org.databoost.workspace.NewImage;
import org.databoost.workspace.OpStatus;
import org.databoost.workspace.OperationResult;
import org.databoost.workspace.ReadOnlyDatasetException;
import org.databoost.workspace.UsableImages;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * The winners' whole recipe as one reviewable plan ({@link #plan}) and its run ({@link #run}): a.
 * remove junk and leaks, b. relabel confident label errors, c. normalise (optional), d. re-split,
 * e. fill the budget with class-balanced augmentation, f. Boost the remaining errors. Each step is
 * one journaled edit (Boost: one per kept round), so undo takes the run back step by step. A cancel
 * keeps the steps already done and leaves nothing of the current one: each edit is atomic, and
 * Boost undoes a round it cannot finish.
 */
public final class AutopilotService {
  /** How the history's descriptions of the autopilot's own edits begin. */
  public static final String DESCRIPTION = "Autopilot ";

  private final DatasetScanner scanner;
  private final VerdictSource verdicts;

  public AutopilotService(DatasetScanner scanner, VerdictSource verdicts) {
    this.scanner = scanner;
    this.verdicts = verdicts;
  }

  /** Judges the dataset and plans every step on a simulated copy; changes nothing. */
  public AutopilotPlan plan(Workspace ws, AutopilotOptions o, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    requireEditable(ws);
    return new AutopilotPlanner(verdicts).plan(scan(ws, progress), ws.stateDir(), o, progress);
  }

  /**
   * Runs a plan. {@code done} hears of every step as it finishes, so a caller knows what was done
   * even when a later step is cancelled or fails.
   */
  public AutopilotReport run(
      Workspace ws, AutopilotPlan plan, Progress progress, Consumer<StepResult> done)
      throws IOException, WorkspaceException, DatasetException {
    requireEditable(ws);
    AutopilotOptions o = plan.options();
    long t0 = System.nanoTime();
    List<StepResult> results = new ArrayList<>();
    Consumer<StepResult> record =
        r -> {
          results.add(r);
          done.accept(r);
        };
    long s = System.nanoTime();
    progress.checkCancelled();
    if (o.clean() && !plan.remove().isEmpty()) {
      OperationResult r =
          ws.batch()
              .delete(
                  plan.remove(),
                  describe('a', "remove %,d junk images and leaks", plan.remove().size()),
                  progress);
      record.accept(result(plan, 'a', r, s, "moved to the trash"));
    } else {
      record.accept(skipped(plan, 'a', o.clean() ? "nothing to remove" : "off"));
    }

    s = System.nanoTime();
    progress.checkCancelled();
    if (o.relabel() && !plan.relabel().isEmpty()) {
      OperationResult r =
          ws.batch()
              .relabel(
                  plan.relabel(),
                  describe('b', "relabel %,d confident label errors", plan.relabel().size()),
                  progress);
      record.accept(result(plan, 'b', r, s, "relabelled to the judge's suggestion"));
    } else {
      record.accept(skipped(plan, 'b', o.relabel() ? "nothing to relabel" : "off"));
    }

    s = System.nanoTime();
    progress.checkCancelled();
    if (o.normalise()) {
      DatasetScan scan = scan(ws, progress);
      List<ImageEntry> images = new ArrayList<>();
      for (ImageEntry e : scan.images()) {
        boolean lb = o.poolLabelBook() && o.resplit() && e.split() == Split.LABEL_BOOK;
        if (e.split() == Split.TRAIN || e.split() == Split.VAL || lb) {
          images.add(e);
        }
      }
      List<BatchEdits.Replacement> reps =
          Normaliser.replacements(ws.layout().root(), images, o.margin(), progress);
      if (reps.isEmpty()) {
        record.accept(skipped(plan, 'c', "no image has ink to crop to"));
      } else {
        OperationResult r =
            ws.batch().replace(reps, describe('c', "normalise %,d images", reps.size()), progress);
        // a replacement is two file moves (original to the trash, new version in its place)
        record.accept(
            result(plan, 'c', r, reps.size(), s, "new versions cropped to the ink, square"));
      }
    } else {
      record.accept(skipped(plan, 'c', "off"));
    }

    s = System.nanoTime();
    progress.checkCancelled();
    if (o.resplit()) {
      DatasetState state = DatasetState.of(scan(ws, progress));
      Map<String, Split> moves =
          Resplitter.targets(state, o.valShare(), o.poolLabelBook(), o.seed());
      if (moves.isEmpty()) {
        record.accept(skipped(plan, 'd', "the split is already as planned"));
      } else {
        OperationResult r =
            ws.batch()
                .moveToSplits(
                    moves, describe('d', "re-split, %,d images move", moves.size()), progress);
        record.accept(result(plan, 'd', r, s, "moved between train and val"));
      }
    } else {
      record.accept(skipped(plan, 'd', "off"));
    }

    s = System.nanoTime();
    progress.checkCancelled();
    if (o.fill()) {
      DatasetScan scan = scan(ws, progress);
      FillPlan fill =
          FillPlan.of(
              DatasetState.of(scan),
              scan.labels(),
              o.budget(),
              o.effectiveFillShare(),
              plan.flips(),
              o.seed());
      if (fill.items().isEmpty()) {
        record.accept(
            skipped(plan, 'e', fill.message().isEmpty() ? "every class is full" : fill.message()));
      } else {
        List<NewImage> images =
            new FillRenderer(o.rotation()).render(ws.layout().root(), fill.items(), progress);
        OperationResult r =
            ws.add(
                images,
                describe('e', "fill the budget with %,d augmented images", images.size()),
                progress);
        record.accept(result(plan, 'e', r, s, "augmented images added to train"));
      }
    } else {
      record.accept(skipped(plan, 'e', "off"));
    }

    Optional<BoostReport> boost = Optional.empty();
    s = System.nanoTime();
    progress.checkCancelled();
    DatasetScan now = scan(ws, progress);
    int room = o.budget() - now.count(Split.TRAIN) - now.count(Split.VAL);
    if (o.boost() && room > 0) {
      BoostReport b = new BoostService(scanner).boost(ws, boostOptions(o), progress);
      boost = Optional.of(b);
      List<Long> ops =
          b.rounds().stream().filter(RoundReport::kept).map(RoundReport::opId).toList();
      record.accept(
          new StepResult(
              'f',
              plan.step('f').title(),
              true,
              b.keptImages(),
              ops,
              seconds(s),
              String.format(
                  Locale.ROOT,
                  "val %.4f -> %.4f; %s",
                  b.valBaseline(),
                  b.valFinal(),
                  b.stopReason())));
    } else {
      record.accept(skipped(plan, 'f', o.boost() ? "nothing is left of the budget" : "off"));
    }
    return new AutopilotReport(plan, 0, results, boost, seconds(t0));
  }

  /** Boost's settings for step f: what is left of the same budget, the same training. */
  static BoostOptions boostOptions(AutopilotOptions o) {
    return new BoostOptions(
        o.boostCandidates(),
        o.boostK(),
        o.boostRounds(),
        o.budget(),
        "glyph",
        o.training(),
        false,
        false,
        o.seed(),
        BoostOptions.DEFAULT_DUPLICATE_THRESHOLD,
        1.0);
  }

  /**
   * Undoes, newest first, the autopilot's kept edits at the top of the history (its steps and its
   * Boost rounds), up to the first edit that is not the autopilot's; returns how many.
   */
  public static int undoLatestRun(Workspace ws) throws WorkspaceException {
    List<HistoryEntry> history = ws.history();
    int undone = 0;
    for (int i = history.size() - 1; i >= 0; i--) {
      HistoryEntry h = history.get(i);
      if (!h.kind().isUserEdit() || h.undone() || h.status() != OpStatus.DONE) {
        continue;
      }
      if (!h.description().startsWith(DESCRIPTION) && !h.description().startsWith("Boost round ")) {
        break;
      }
      ws.undo(h.id());
      undone++;
    }
    return undone;
  }

  static String describe(char step, String what, int n) {
    return DESCRIPTION + step + ": " + String.format(Locale.ROOT, what, n);
  }

  private static StepResult result(
      AutopilotPlan plan, char letter, OperationResult r, long start, String note) {
    return result(plan, letter, r, r.fileCount(), start, note);
  }

  private static StepResult result(
      AutopilotPlan plan, char letter, OperationResult r, int images, long start, String note) {
    return new StepResult(
        letter,
        plan.step(letter).title(),
        true,
        images,
        List.of(r.opId()),
        seconds(start),
        images + " " + note);
  }

  private static StepResult skipped(AutopilotPlan plan, char letter, String why) {
    return new StepResult(letter, plan.step(letter).title(), false, 0, List.of(), 0, why);
  }

  private static void requireEditable(Workspace ws) throws WorkspaceException, DatasetException {
    if (ws.isReadOnly()) {
      throw new ReadOnlyDatasetException(
          "The autopilot edits the dataset, but "
              + ws.layout().root()
              + " is read-only. Copy it to a writable folder and run the autopilot on the copy.");
    }
    if (ws.layout().kind() != DatasetLayout.Kind.SPLIT_FOLDERS
        || !ws.layout().splitFolders().contains(Split.TRAIN)
        || !ws.layout().splitFolders().contains(Split.VAL)) {
      throw new DatasetException(
          "The autopilot needs train/ and val/ folders (it re-splits and fills train);"
              + " this dataset has "
              + ws.layout().splitFolders()
              + ".");
    }
  }

  private DatasetScan scan(Workspace ws, Progress progress)
      throws IOException, WorkspaceException, DatasetException {
    return UsableImages.scan(scanner, ws, progress);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}

package org.databoost.app.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.databoost.app.runs.EditsSince;
import org.databoost.app.runs.RunInfo;
import org.databoost.boost.BoostHistory;
import org.databoost.boost.RoundReport;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.workspace.HistoryEntry;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * What the image table shows of a workspace, read on the background executor after every job: one
 * row per image joined with the run it shows, every kept run (newest first) with the edits since,
 * the Boost rounds (and Boost edits never retrained), and the status message to show.
 *
 * @param shown the run the rows are joined with; empty before the first run
 */
record TableSnapshot(
    List<ImageItem> rows,
    List<String> runLabels,
    List<RunInfo> runs,
    Optional<RunInfo> shown,
    List<RoundReport> boostRounds,
    List<String> boostUnchecked,
    List<HistoryEntry> history,
    String message) {
  /** The embedder whose near-duplicate and outlier analysis the table shows. */
  static final String FACTS_EMBEDDER = GlyphEmbedder.NAME;

  /**
   * The workspace as it is now, with the image count as the message.
   *
   * @param wanted the run to show; 0 for the default: the newest the dataset has not moved away
   *     from since, else the newest
   */
  static TableSnapshot of(Workspace workspace, long wanted) throws WorkspaceException {
    List<HistoryEntry> history = workspace.history();
    List<RunRecord> records = workspace.runs().list();
    List<RunInfo> runs = new ArrayList<>();
    for (int i = records.size() - 1; i >= 0; i--) {
      RunRecord r = records.get(i);
      RunInfo info = RunInfo.of(r, EditsSince.count(history, r.finishedAt()));
      if (info.showable()) {
        runs.add(info);
      }
    }
    Optional<RunInfo> shown = choose(runs, wanted);
    Optional<RunRecord> run =
        shown.flatMap(s -> records.stream().filter(r -> r.id() == s.id()).findFirst());
    List<PredictionRecord> preds =
        run.isPresent() ? workspace.runs().predictions(run.get().id()) : List.of();
    List<ImageItem> rows =
        ImageItems.join(
            workspace.images(),
            run,
            preds,
            workspace.facts().load(FACTS_EMBEDDER),
            workspace.keptLabels().load());
    return new TableSnapshot(
        rows,
        run.map(RunRecord::labels).orElse(List.of()),
        List.copyOf(runs),
        shown,
        BoostHistory.rounds(workspace),
        BoostHistory.unchecked(workspace).stream().map(BoostHistory::uncheckedNote).toList(),
        history,
        rows.size() + " images.");
  }

  static Optional<RunInfo> choose(List<RunInfo> newestFirst, long wanted) {
    if (wanted > 0) {
      Optional<RunInfo> asked = newestFirst.stream().filter(r -> r.id() == wanted).findFirst();
      if (asked.isPresent()) {
        return asked;
      }
    }
    return newestFirst.stream()
        .filter(r -> r.editsSince() == 0)
        .findFirst()
        .or(() -> newestFirst.stream().findFirst());
  }

  TableSnapshot withMessage(String text) {
    return new TableSnapshot(
        rows, runLabels, runs, shown, boostRounds, boostUnchecked, history, text);
  }

  /** The line above the table. */
  String headline() {
    return shown
        .map(RunInfo::headline)
        .orElse("No run yet: press Evaluate to train the fixed model.");
  }
}

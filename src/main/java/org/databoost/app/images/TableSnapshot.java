package org.databoost.app.images;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.databoost.boost.BoostHistory;
import org.databoost.boost.RoundReport;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * What the image table shows of a workspace, read on the background executor after every job: one
 * row per image joined with the latest run, the run's labels and summary line, the Boost rounds,
 * and the status message to show.
 */
record TableSnapshot(
    List<ImageItem> rows,
    List<String> runLabels,
    String summary,
    List<RoundReport> boostRounds,
    String message) {
  /** The embedder whose near-duplicate and outlier analysis the table shows. */
  static final String FACTS_EMBEDDER = GlyphEmbedder.NAME;

  /** The workspace as it is now, with the image count as the message. */
  static TableSnapshot of(Workspace workspace) throws WorkspaceException {
    Optional<RunRecord> run = workspace.runs().latest();
    List<PredictionRecord> preds =
        run.isPresent() ? workspace.runs().predictions(run.get().id()) : List.of();
    List<ImageItem> rows =
        ImageItems.join(workspace.images(), run, preds, workspace.facts().load(FACTS_EMBEDDER));
    return new TableSnapshot(
        rows,
        run.map(RunRecord::labels).orElse(List.of()),
        summarize(run),
        BoostHistory.rounds(workspace),
        rows.size() + " images.");
  }

  TableSnapshot withMessage(String text) {
    return new TableSnapshot(rows, runLabels, summary, boostRounds, text);
  }

  private static String summarize(Optional<RunRecord> run) {
    if (run.isEmpty()) {
      return "No run yet: press Evaluate to train the fixed model.";
    }
    RunRecord r = run.get();
    StringBuilder sb = new StringBuilder("Run #" + r.id() + " (" + r.parameters().get("preset"));
    sb.append(" preset)");
    for (String s : List.of("train", "val", "test", "label_book")) {
      String acc = r.metrics().get("accuracy." + s);
      if (acc != null) {
        sb.append(String.format(Locale.ROOT, "  %s %.1f%%", s, 100 * Double.parseDouble(acc)));
      }
    }
    return sb.toString();
  }
}

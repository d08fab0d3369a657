package org.databoost.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.databoost.boost.BoostHistory;
import org.databoost.boost.RoundReport;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.evaluation.RunReport;
import org.databoost.report.ExcelReportWriter;
import org.databoost.report.ReportData;
import org.databoost.report.ReportExtras;
import org.databoost.report.ReportOptions;
import org.databoost.task.Progress;
import org.databoost.workspace.HistoryEntry;
import org.databoost.workspace.ImageFact;
import org.databoost.workspace.ImageRow;
import org.databoost.workspace.KeptLabels;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * The Excel report of one chosen run with everything the workspace knows besides: per image which
 * model predicted it (in or out of sample), its near-duplicate group and outlier score (the glyph
 * embeddings' analysis), where Boost made it from; the edit log; the Boost rounds. The window and
 * the command line both export through here.
 */
public final class RunExport {
  /** The embedder whose near-duplicate and outlier analysis is exported (the table's). */
  static final String FACTS_EMBEDDER = GlyphEmbedder.NAME;

  private RunExport() {}

  /** Writes run {@code run} of the workspace to {@code target} (replaced atomically). */
  public static void write(
      Workspace ws, RunRecord run, Path target, ReportOptions options, Progress progress)
      throws IOException, WorkspaceException {
    List<PredictionRecord> predictions = ws.runs().predictions(run.id());
    ReportData data = RunReport.of(ws.layout().root(), run, predictions, options, progress);
    new ExcelReportWriter(options)
        .write(data, extras(ws, run.labels(), predictions), target, progress);
  }

  /** The extras of a run's report, read from the workspace as it is now. */
  static ReportExtras extras(Workspace ws, List<String> labels, List<PredictionRecord> predictions)
      throws WorkspaceException {
    Map<String, ImageFact> facts = ws.facts().load(FACTS_EMBEDDER);
    Set<KeptLabels.Key> kept = ws.keptLabels().load();
    Map<String, String> provenance = new HashMap<>();
    for (ImageRow r : ws.images()) {
      r.provenance().ifPresent(p -> provenance.put(r.hash(), p));
    }
    Map<String, ReportExtras.ImageExtras> images = new HashMap<>();
    for (PredictionRecord p : predictions) {
      ImageFact f = facts.get(p.hash());
      images.put(
          p.path(),
          new ReportExtras.ImageExtras(
              predictedBy(p),
              f == null || f.duplicateGroup() < 0 ? 0 : f.duplicateGroup() + 1,
              f == null ? Double.NaN : f.outlier(),
              provenance.getOrDefault(p.hash(), ""),
              !p.issue().isEmpty()
                  && kept.contains(new KeptLabels.Key(p.hash(), labels.get(p.given())))));
    }
    List<ReportExtras.JournalEntry> journal = new ArrayList<>();
    for (HistoryEntry h : ws.history()) {
      journal.add(
          new ReportExtras.JournalEntry(
              h.id(),
              h.startedAt(),
              h.kind().name().toLowerCase(java.util.Locale.ROOT),
              h.status().name().toLowerCase(java.util.Locale.ROOT),
              h.fileCount(),
              h.description(),
              h.undone()));
    }
    List<ReportExtras.BoostRound> rounds = new ArrayList<>();
    for (RoundReport r : BoostHistory.rounds(ws)) {
      rounds.add(
          new ReportExtras.BoostRound(
              r.round(),
              r.errorsBefore(),
              r.added(),
              r.valBefore(),
              r.valAfter(),
              r.labelBookBefore(),
              r.labelBookAfter(),
              r.randomValAfter(),
              r.fixed().size(),
              r.appeared().size(),
              r.kept(),
              r.opId(),
              r.runId()));
    }
    return new ReportExtras(images, journal, rounds);
  }

  /** Which model predicted the image, and whether it had seen it. */
  static String predictedBy(PredictionRecord p) {
    if (p.inSample()) {
      return "model, in sample (trained on it)";
    }
    if (p.fold() >= 0) {
      return "model out of sample (fold " + (p.fold() + 1) + ")";
    }
    return "model out of sample (main model)";
  }
}

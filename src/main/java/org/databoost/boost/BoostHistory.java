package org.databoost.boost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.databoost.dataset.Split;
import org.databoost.workspace.HistoryEntry;
import org.databoost.workspace.OpKind;
import org.databoost.workspace.OpStatus;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;

/**
 * Every Boost round a dataset has seen, rebuilt from its catalog (the runs Boost kept and the
 * journal), so the results survive a restart: before/after accuracies, the random ablation, fixed
 * and new errors, and whether the round's edit is still in place.
 */
public final class BoostHistory {
  private BoostHistory() {}

  /** The rounds in the order they ran; stage times and drop counts are not kept (NaN, 0). */
  public static List<RoundReport> rounds(Workspace ws) throws WorkspaceException {
    List<RunRecord> runs = ws.runs().list();
    Map<Long, Boolean> undone = new HashMap<>();
    for (HistoryEntry h : ws.history()) {
      undone.put(h.id(), h.undone());
    }
    List<RoundReport> out = new ArrayList<>();
    RunRecord before = null;
    RunRecord random = null;
    for (RunRecord run : runs) {
      switch (run.kind()) {
        case BoostService.KIND_RANDOM -> random = run;
        case BoostService.KIND_ROUND -> {
          if (before != null) {
            out.add(round(ws, before, random, run, undone));
          }
          random = null;
          before = run;
        }
        default -> {
          random = null;
          before = run;
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Boost edits that are in place but were never retrained and checked: the job stopped (a kill, a
   * crash, a lost parent process) between writing a round and retraining on it. Oldest first.
   */
  public static List<HistoryEntry> unchecked(Workspace ws) throws WorkspaceException {
    Set<Long> trained = new HashSet<>();
    for (RunRecord run : ws.runs().list()) {
      String op = run.parameters().get("boost.op");
      if (op != null) {
        trained.add(Long.parseLong(op));
      }
    }
    List<HistoryEntry> out = new ArrayList<>();
    for (HistoryEntry h : ws.history()) {
      if (h.kind() == OpKind.ADD
          && h.status() == OpStatus.DONE
          && !h.undone()
          && h.description().startsWith(BoostService.ROUND_PREFIX)
          && !trained.contains(h.id())) {
        out.add(h);
      }
    }
    return List.copyOf(out);
  }

  /** The note for an edit {@link #unchecked} found, as the history and the Boost tab show it. */
  public static String uncheckedNote(HistoryEntry h) {
    return String.format(
        Locale.ROOT,
        "#%d \"%s\": added, not retrained — the Boost job stopped before it retrained and checked"
            + " these %,d images; undo it, or keep it and evaluate again.",
        h.id(),
        h.description(),
        h.fileCount());
  }

  private static RoundReport round(
      Workspace ws, RunRecord before, RunRecord random, RunRecord after, Map<Long, Boolean> undone)
      throws WorkspaceException {
    Map<String, String> p = after.parameters();
    int round = Integer.parseInt(p.getOrDefault("boost.round", "0"));
    long op = Long.parseLong(p.getOrDefault("boost.op", "-1"));
    int added = Integer.parseInt(p.getOrDefault("boost.added", "0"));
    RoundReports.State b = RoundReports.state(before, ws.runs().predictions(before.id()));
    RoundReports.State a = RoundReports.state(after, ws.runs().predictions(after.id()));
    int errors = (int) b.val().values().stream().filter(r -> r.predicted() != r.given()).count();
    OptionalDouble randomVal = OptionalDouble.empty();
    OptionalDouble randomLb = OptionalDouble.empty();
    OptionalLong randomRun = OptionalLong.empty();
    if (random != null) {
      randomVal = random.results().accuracy(Split.VAL);
      randomLb = random.results().accuracy(Split.LABEL_BOOK);
      randomRun = OptionalLong.of(random.id());
    }
    RoundReport r =
        RoundReports.report(
            round,
            errors,
            new Retriever.Result(List.of(), -1, 0, 0, 0),
            added,
            op,
            b,
            a,
            randomVal,
            randomLb,
            randomRun,
            new RoundReport.StageSeconds(
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    return RoundReports.withKept(r, !undone.getOrDefault(op, true));
  }
}

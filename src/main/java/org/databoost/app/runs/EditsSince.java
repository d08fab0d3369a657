package org.databoost.app.runs;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.databoost.workspace.HistoryEntry;
import org.databoost.workspace.OpKind;
import org.databoost.workspace.OpStatus;

/**
 * How far the dataset has moved from the state a run saw, counted from the journal: the edits in
 * effect now against those in effect when the run finished. An edit and its undo cancel out; the
 * undo of an edit the run trained on (a Boost round) counts as one.
 */
public final class EditsSince {
  private EditsSince() {}

  /** The number of edits that differ between then and now (their symmetric difference). */
  public static int count(List<HistoryEntry> history, Instant then) {
    Set<Long> now = new HashSet<>();
    Set<Long> atThen = null;
    for (HistoryEntry h : history) {
      if (h.status() != OpStatus.DONE) {
        continue;
      }
      Instant at = h.finishedAt().orElse(h.startedAt());
      if (atThen == null && at.isAfter(then)) {
        atThen = Set.copyOf(now);
      }
      if (h.kind().isUserEdit()) {
        now.add(h.id());
      } else if (h.targetOp().isPresent()) {
        if (h.kind() == OpKind.UNDO) {
          now.remove(h.targetOp().getAsLong());
        } else {
          now.add(h.targetOp().getAsLong());
        }
      }
    }
    if (atThen == null) {
      return 0;
    }
    int differ = 0;
    for (long id : now) {
      differ += atThen.contains(id) ? 0 : 1;
    }
    for (long id : atThen) {
      differ += now.contains(id) ? 0 : 1;
    }
    return differ;
  }

  /** "out of date: 3 edits since", or empty when nothing changed. */
  public static String describe(int edits) {
    return edits == 0 ? "" : "out of date: " + edits + (edits == 1 ? " edit" : " edits") + " since";
  }
}

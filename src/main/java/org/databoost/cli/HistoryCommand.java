package org.databoost.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.databoost.boost.BoostHistory;
import org.databoost.workspace.HistoryEntry;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import picocli.CommandLine.Command;

/** Lists the journal: every edit, undo and redo with its time and file count. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "List every edit of the dataset, oldest first, with time, kind and file count.")
final class HistoryCommand extends WorkspaceCommand {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Override
  int run(Workspace ws) throws WorkspaceException {
    List<HistoryEntry> entries = ws.history();
    if (entries.isEmpty()) {
      out().println("No edits yet.");
      return ExitCodes.OK;
    }
    Set<Long> unchecked = new HashSet<>();
    List<HistoryEntry> notRetrained = BoostHistory.unchecked(ws);
    notRetrained.forEach(h -> unchecked.add(h.id()));
    out().printf("%5s  %-19s  %-10s  %-7s  %6s  %s%n", "#", "time", "kind", "status", "files", "");
    for (HistoryEntry e : entries) {
      String note = e.undone() ? " (undone)" : "";
      if (e.targetOp().isPresent()) {
        note += " of #" + e.targetOp().getAsLong();
      }
      if (unchecked.contains(e.id())) {
        note += " (added, not retrained)";
      }
      out()
          .printf(
              "%5d  %-19s  %-10s  %-7s  %6d  %s%s%s%n",
              e.id(),
              TIME.format(e.startedAt()),
              e.kind().name().toLowerCase(Locale.ROOT),
              e.status().name().toLowerCase(Locale.ROOT),
              e.fileCount(),
              e.description(),
              note,
              e.message().map(m -> " — " + m).orElse(""));
    }
    notRetrained.forEach(h -> out().println(BoostHistory.uncheckedNote(h)));
    return ExitCodes.OK;
  }
}

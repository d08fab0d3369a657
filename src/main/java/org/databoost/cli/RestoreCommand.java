package org.databoost.cli;

import java.util.List;
import org.databoost.workspace.ImageRow;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** Lists the trash, or puts deleted images back where they were. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Put deleted images back where they were (a taken name gets a free one, never overwritten).",
      "With --list, show what the trash holds."
    })
final class RestoreCommand extends WorkspaceCommand {
  static final class Which {
    @Option(
        names = "--op",
        paramLabel = "ID",
        description = "Restore everything deleted by this operation (see 'history').")
    Long op;

    @Option(names = "--list", description = "List the trash.")
    boolean list;
  }

  // Picocli cannot match a positional list inside an exclusive group after the inherited DIR
  // ("Unmatched argument at index 2"), so TRASHED stands alone and the choice is checked here.
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Which which;

  @Parameters(
      index = "1..*",
      paramLabel = "TRASHED",
      description =
          "Files to put back: paths as --list shows them (.databoost/trash/ID/train/...), or the"
              + " path a file had before it was deleted.")
  List<String> trashed;

  @Override
  int run(Workspace ws) throws WorkspaceException {
    boolean files = trashed != null && !trashed.isEmpty();
    if (which == null && !files) {
      throw new ParameterException(
          spec.commandLine(), "Say what to restore: --list, --op ID or the trashed files.");
    }
    if (which != null && files) {
      throw new ParameterException(
          spec.commandLine(),
          "Give either --list, --op ID or trashed files, not both (files given: "
              + String.join(" ", trashed)
              + ").");
    }
    if (files) {
      return report("Restored %s", ws.restoreTrashed(trashed));
    }
    if (which.list) {
      List<ImageRow> trash = ws.trash();
      trash.forEach(r -> out().println(r.path()));
      out().printf("%d file%s in the trash.%n", trash.size(), trash.size() == 1 ? "" : "s");
      return ExitCodes.OK;
    }
    return report("Restored %s", ws.restore(which.op));
  }
}

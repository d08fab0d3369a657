package org.databoost.cli;

import java.util.List;
import org.databoost.workspace.ImageRow;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    @Parameters(index = "1..*", paramLabel = "TRASHED", description = "Paths as --list shows.")
    List<String> trashed;
  }

  @ArgGroup(multiplicity = "1")
  Which which;

  @Override
  int run(Workspace ws) throws WorkspaceException {
    if (which.list) {
      List<ImageRow> trash = ws.trash();
      trash.forEach(r -> out().println(r.path()));
      out().printf("%d file%s in the trash.%n", trash.size(), trash.size() == 1 ? "" : "s");
      return ExitCodes.OK;
    }
    if (which.op != null) {
      return report("Restored %s", ws.restore(which.op));
    }
    return report("Restored %s", ws.restoreTrashed(which.trashed));
  }
}

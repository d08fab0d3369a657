package org.databoost.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.databoost.workspace.OperationResult;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import org.databoost.workspace.WorkspaceOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command that opens a dataset's workspace (recovering an interrupted edit and reconciling
 * changes made by hand, which it reports), does one thing, and closes it.
 */
abstract class WorkspaceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The dataset folder.")
  Path dir;

  @Override
  public final Integer call() throws WorkspaceException, IOException {
    try (Workspace ws = Workspace.open(dir, WorkspaceOptions.defaults())) {
      for (String line : ws.openReport()) {
        out().println(line);
      }
      return run(ws);
    }
  }

  /** Does the command's work on the open workspace and returns the exit code. */
  abstract int run(Workspace ws) throws WorkspaceException, IOException;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /**
   * Prints what an edit did: {@code what} has a {@code %s} for "N files", then the journal number
   * and how to revert it.
   */
  int report(String what, OperationResult result, String revertHint) {
    String files = result.fileCount() + (result.fileCount() == 1 ? " file" : " files");
    out()
        .printf(
            "%s (operation #%d; '%s' reverts it).%n",
            String.format(what, files), result.opId(), "databoost " + revertHint + " " + dir);
    result.messages().forEach(out()::println);
    return ExitCodes.OK;
  }

  int report(String what, OperationResult result) {
    return report(what, result, "undo");
  }

  /** The file arguments plus the lines of a {@code --files-from} list ("-" reads stdin). */
  static List<String> files(List<String> args, Path filesFrom) throws IOException {
    List<String> all = new ArrayList<>(args == null ? List.of() : args);
    if (filesFrom != null) {
      List<String> lines =
          filesFrom.toString().equals("-")
              ? new BufferedReader(new InputStreamReader(System.in)).lines().toList()
              : Files.readAllLines(filesFrom);
      // A list saved by a Windows editor starts with a byte-order mark; it is not part of a name.
      lines.stream()
          .map(l -> l.replace("\uFEFF", "").strip())
          .filter(l -> !l.isEmpty())
          .forEach(all::add);
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("name at least one image file (or use --files-from)");
    }
    return all;
  }
}

package org.databoost.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.databoost.export.RunExport;
import org.databoost.report.ReportOptions;
import org.databoost.workspace.RunRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the Excel report of a stored run. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Write the Excel workbook of the latest run (or --run ID): Images (thumbnail, labels,"
            + " loss, confidence, issue, judges, label quality, duplicate group, outlier score,"
            + " Boost provenance), Confusion, Summary, Edit log and Boost rounds sheets.")
final class ExportCommand extends WorkspaceCommand {
  @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "Output.")
  Path out;

  @Option(names = "--run", paramLabel = "ID", description = "The run (default: the latest).")
  Long runId;

  @Option(
      names = "--thumbnails",
      defaultValue = "3000",
      description = "Pictures for at most this many highest-loss rows (default: ${DEFAULT-VALUE}).")
  int thumbnails;

  @Option(
      names = "--force",
      description = "Write into a split or label folder of the dataset all the same.")
  boolean force;

  @Override
  int run(Workspace ws) throws WorkspaceException, IOException {
    ws.checkExportTarget(out, force);
    RunRecord run =
        runId == null
            ? ws.runs().latest().orElse(null)
            : ws.runs().list().stream().filter(r -> r.id() == runId).findFirst().orElse(null);
    if (run == null) {
      out()
          .println(
              runId == null
                  ? "There is no run yet: 'databoost evaluate " + dir + "' makes one."
                  : "There is no run #" + runId + ".");
      return ExitCodes.FAILURE;
    }
    ReportOptions options = ReportOptions.DEFAULT.withThumbnailLimit(thumbnails);
    try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      RunExport.write(ws, run, out, options, progress);
    }
    out().printf("Wrote %s (run #%d).%n", out.toAbsolutePath().normalize(), run.id());
    return ExitCodes.OK;
  }
}

package org.databoost.cli;

import java.io.IOException;
import org.databoost.autopilot.AutopilotOptions;
import org.databoost.autopilot.AutopilotPlan;
import org.databoost.autopilot.AutopilotReport;
import org.databoost.autopilot.AutopilotService;
import org.databoost.autopilot.EmbeddingVerdicts;
import org.databoost.autopilot.PlanText;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScanner;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The autopilot from the command line: print the plan, then run it (or only print it). */
@Command(
    name = "autopilot",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "The winners' whole recipe, automatic: a. remove junk and leaks, b. relabel confident label"
          + " errors, c. normalise (crop to the ink, pad to square; off by default), d. re-split"
          + " train and val, e. fill the budget with class-balanced augmentation (mirrors only"
          + " where the data shows they keep or map the class), f. Boost the remaining errors.",
      "Prints the plan with counts and examples, then runs it; each step is one undoable edit"
          + " ('databoost undo DIR' takes back the newest; 'autopilot DIR --undo' all of them)."
    })
final class AutopilotCommand extends WorkspaceCommand {
  @Mixin AutopilotChoices choices;

  @Option(names = "--plan-only", description = "Print the plan and change nothing.")
  boolean planOnly;

  @Option(
      names = "--undo",
      description = "Undo the autopilot's edits at the top of the history, newest first.")
  boolean undo;

  @Override
  int run(Workspace ws) throws WorkspaceException, IOException {
    if (undo) {
      int n = AutopilotService.undoLatestRun(ws);
      out()
          .println(
              n == 0
                  ? "The newest edit is not the autopilot's; nothing was undone."
                  : "Undid " + n + " autopilot edits.");
      return ExitCodes.OK;
    }
    AutopilotOptions o;
    try {
      o = choices.options();
    } catch (IllegalArgumentException e) {
      out().println(e.getMessage());
      return ExitCodes.USAGE;
    }
    AutopilotService service =
        new AutopilotService(new DatasetScanner(), new EmbeddingVerdicts(o.seed()));
    try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      long t0 = System.nanoTime();
      AutopilotPlan plan = service.plan(ws, o, progress);
      double planSeconds = (System.nanoTime() - t0) / 1e9;
      PlanText.plan(plan).forEach(out()::println);
      out().flush();
      if (planOnly) {
        return ExitCodes.OK;
      }
      out().println();
      AutopilotReport report =
          service
              .run(
                  ws,
                  plan,
                  progress,
                  s -> {
                    out().println("Done: " + s.letter() + ". " + s.title() + " — " + s.note());
                    out().flush();
                  })
              .withPlanSeconds(planSeconds);
      out().println();
      PlanText.report(report).forEach(out()::println);
      report.boost().ifPresent(b -> BoostCommand.print(out(), b));
    } catch (DatasetException e) {
      out().println(e.getMessage());
      return ExitCodes.DATASET_UNUSABLE;
    }
    return ExitCodes.OK;
  }
}

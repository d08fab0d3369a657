package org.databoost.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Builds the command tree and runs one command line. */
public final class CommandLineInterface {
  private CommandLineInterface() {}

  /**
   * Runs the command line and returns its exit code.
   *
   * @param windowOpener opens the workbench window on a dataset folder (null: the sample); it
   *     blocks until the window closes
   */
  /**
   * Asks the running command to stop as a cancel would (its progress reports cancelled): for a
   * relaunched child whose parent is gone. Long jobs stop between batches and undo their own
   * unfinished edit.
   */
  public static void cancelRunningCommand() {
    TerminalProgress.cancelAll();
  }

  public static int run(String[] args, Consumer<Path> windowOpener) {
    return commandLine(windowOpener).execute(args);
  }

  /** The configured picocli command line (tests call it to capture output). */
  public static CommandLine commandLine(Consumer<Path> windowOpener) {
    CommandLine cl = new CommandLine(new DataboostCommand());
    cl.addSubcommand(new OpenCommand(windowOpener));
    cl.addSubcommand(new SampleCommand());
    cl.addSubcommand(new InfoCommand());
    cl.addSubcommand(new EditCommands.Relabel());
    cl.addSubcommand(new EditCommands.Move());
    cl.addSubcommand(new EditCommands.Delete());
    cl.addSubcommand(new RestoreCommand());
    cl.addSubcommand(new AddCommand());
    cl.addSubcommand(new EditCommands.Undo());
    cl.addSubcommand(new EditCommands.Redo());
    cl.addSubcommand(new HistoryCommand());
    cl.addSubcommand(new EvaluateCommand());
    cl.addSubcommand(new ExportCommand());
    cl.addSubcommand(new EmbedCommand());
    cl.addSubcommand(new MapCommand());
    cl.addSubcommand(new DuplicatesCommand());
    cl.addSubcommand(new BoostCommand());
    cl.addSubcommand(new AutopilotCommand());
    cl.addSubcommand(new CorpusCommand());
    cl.addSubcommand(new BenchCommand());
    cl.addSubcommand(new TrainWorkerCommand());
    cl.setExecutionExceptionHandler(new FriendlyErrors());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}

package org.databoost.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Builds the command tree and runs one command line. */
public final class CommandLineInterface {
  private CommandLineInterface() {}

  /**
   * Asks the running command to stop as a cancel would (its progress reports cancelled): for a
   * relaunched child whose parent is gone. Long jobs stop between batches and undo their own
   * unfinished edit.
   */
  public static void cancelRunningCommand() {
    TerminalProgress.cancelAll();
  }

  /** Runs the command line and returns its exit code; {@code window} is the JavaFX workbench. */
  public static int run(String[] args, Window window) {
    return commandLine(window).execute(args);
  }

  /**
   * The configured picocli command line with a window that only opens ({@code bench ui} fails):
   * tests call it to capture output.
   */
  public static CommandLine commandLine(Consumer<Path> windowOpener) {
    return commandLine(
        new Window() {
          @Override
          public void open(Path dataset) {
            windowOpener.accept(dataset);
          }

          @Override
          public void benchmark(PrintStream out) {
            throw new IllegalStateException("the UI benchmark needs the workbench window");
          }
        });
  }

  /** The configured picocli command line. */
  public static CommandLine commandLine(Window window) {
    CommandLine cl = new CommandLine(new DataboostCommand());
    cl.addSubcommand(new OpenCommand(window::open));
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
    cl.addSubcommand(new TrainGlyphEmbedderCommand());
    cl.addSubcommand(new BenchCommand());
    cl.getSubcommands().get("bench").addSubcommand(new BenchUiCommand(window));
    cl.addSubcommand(new TrainWorkerCommand());
    cl.setExecutionExceptionHandler(new FriendlyErrors());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}

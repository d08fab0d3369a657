package org.databoost.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one clear line on stderr and an exit code; the stack
 * trace goes to the log file, not to the user's terminal.
 */
final class FriendlyErrors implements IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FriendlyErrors.class);

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    LOG.error("command '{}' failed", cl.getCommandName(), ex);
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    cl.getErr().println(cl.getColorScheme().errorText("databoost: " + message));
    return ExitCodes.FAILURE;
  }
}

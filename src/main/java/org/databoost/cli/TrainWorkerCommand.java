package org.databoost.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.databoost.training.FoldWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Trains one cross-validation fold for a parallel {@code evaluate} ({@link FoldWorker}). Hidden:
 * databoost starts it itself, one process per fold, and reads its progress from standard output.
 */
@Command(
    name = "train-worker",
    hidden = true,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Train one cross-validation fold described by SPEC (started by evaluate).")
final class TrainWorkerCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "The fold spec file.")
  Path spec;

  @Override
  public Integer call() throws Exception {
    FoldWorker.run(spec, System.out, TerminalProgress::allCancelled);
    return ExitCodes.OK;
  }
}

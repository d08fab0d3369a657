package org.databoost.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.ScanReportFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Scans a dataset folder and prints its counts and every problem found. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Scan a dataset folder: images per split and label, and every problem found.",
      "Exit code 0 when the dataset is usable, " + ExitCodes.DATASET_UNUSABLE + " when it is not."
    })
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The dataset folder.")
  Path dir;

  @Override
  public Integer call() {
    DatasetScan scan;
    try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      scan = new DatasetScanner().scan(dir, progress);
    }
    spec.commandLine().getOut().print(new ScanReportFormatter().format(scan));
    spec.commandLine().getOut().flush();
    return scan.isUsable() ? ExitCodes.OK : ExitCodes.DATASET_UNUSABLE;
  }
}

package org.databoost.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleKind;
import org.databoost.sample.SampleSpec;
import org.databoost.sample.SampleTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes the synthetic handwritten Roman-numerals sample dataset. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Write the built-in sample dataset: synthetic handwritten Roman numerals i..x in train/,"
          + " val/ and label_book/, with deliberate wrong labels, junk images and a train/val"
          + " shift.",
      "The answer key is written beside it as sample-truth.csv."
    })
final class SampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "OUT_DIR",
      description = "A folder that does not exist yet, or is empty.")
  Path out;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = SampleSpec.DEFAULT_SEED;

  @Option(names = "--train", description = "Train images per label (default: ${DEFAULT-VALUE}).")
  int train = SampleSpec.defaults().trainPerLabel();

  @Option(names = "--val", description = "Validation images per label (default: ${DEFAULT-VALUE}).")
  int val = SampleSpec.defaults().valPerLabel();

  @Option(
      names = "--label-book",
      description = "Label-book images per label (default: ${DEFAULT-VALUE}).")
  int labelBook = SampleSpec.defaults().labelBookPerLabel();

  @Option(
      names = "--wrong-labels",
      description = "Share of train images with a wrong label, 0..0.5 (default: ${DEFAULT-VALUE}).")
  double wrongLabels = SampleSpec.defaults().wrongLabelFraction();

  @Option(names = "--junk", description = "Junk (non-numeral) images (default: ${DEFAULT-VALUE}).")
  int junk = SampleSpec.defaults().junkCount();

  @Option(
      names = "--shift",
      description = "Train/val shift strength, 0..3 (default: ${DEFAULT-VALUE}).")
  double shift = SampleSpec.defaults().shiftStrength();

  @Override
  public Integer call() throws Exception {
    SampleSpec d = SampleSpec.defaults();
    SampleSpec s =
        new SampleSpec(
            seed, train, val, labelBook, d.minSize(), d.maxSize(), wrongLabels, junk, shift);
    try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      SampleTruth truth = new SampleDatasetGenerator().generate(out, s, progress);
      spec.commandLine()
          .getOut()
          .printf(
              "Wrote %d images to %s (%d with a wrong label, %d junk; answer key in %s).%n",
              truth.entries().size(),
              out.toAbsolutePath().normalize(),
              truth.count(SampleKind.MISLABELED),
              truth.count(SampleKind.JUNK),
              SampleTruth.FILE_NAME);
    }
    return ExitCodes.OK;
  }
}

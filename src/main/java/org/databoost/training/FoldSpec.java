package org.databoost.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a worker process needs to train one cross-validation fold exactly as {@link Evaluator} would
 * in process: the protocol, the fold's own training images, the validation images that select its
 * epoch, the held-out images it predicts, and where to write its {@link FoldOutcome}. The parent
 * decides the fold assignment; the worker derives the fold's seed from the run's seed as the
 * in-process path does. Written as a small binary file (any file name survives it).
 *
 * @param config the run's configuration (seed and folds are the run's, not the fold's)
 * @param classes number of labels
 * @param fold 0-based fold index
 * @param fit the images the fold's model trains on
 * @param val the validation images that choose its epoch
 * @param heldOut the training images it predicts
 * @param output where the worker writes its outcome
 */
record FoldSpec(
    TrainingConfig config,
    int classes,
    int fold,
    List<LabelledImage> fit,
    List<LabelledImage> val,
    List<LabelledImage> heldOut,
    Path output) {
  private static final String MAGIC = "databoost fold spec 1";

  /** "fold 2/5: ", the prefix of the fold's progress stages and messages. */
  String prefix() {
    return "fold " + (fold + 1) + "/" + config.folds() + ": ";
  }

  void write(Path file) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeUTF(MAGIC);
      out.writeUTF(config.preset());
      out.writeInt(config.epochs());
      out.writeInt(config.batchSize());
      out.writeFloat(config.learningRate());
      out.writeInt(config.patience());
      out.writeLong(config.seed());
      out.writeInt(config.folds());
      out.writeInt(classes);
      out.writeInt(fold);
      out.writeUTF(output.toString());
      for (List<LabelledImage> list : List.of(fit, val, heldOut)) {
        out.writeInt(list.size());
        for (LabelledImage image : list) {
          out.writeUTF(image.id());
          out.writeUTF(image.file().toString());
          out.writeInt(image.labelIndex());
        }
      }
    }
  }

  /**
   * Reads a spec written by {@link #write}.
   *
   * @throws IOException with a sentence that names the file when it is missing, truncated or not a
   *     fold spec
   */
  static FoldSpec read(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (!MAGIC.equals(readMagic(in))) {
        throw new IOException(file + " is not a fold spec.");
      }
      TrainingConfig config =
          new TrainingConfig(
              in.readUTF(),
              in.readInt(),
              in.readInt(),
              in.readFloat(),
              in.readInt(),
              in.readLong(),
              1,
              in.readInt(),
              1);
      int classes = in.readInt();
      int fold = in.readInt();
      Path output = Path.of(in.readUTF());
      List<LabelledImage> fit = images(in, classes);
      List<LabelledImage> val = images(in, classes);
      List<LabelledImage> held = images(in, classes);
      if (classes < 2 || fold < 0 || fold >= config.folds() || fit.isEmpty()) {
        throw new IOException(file + " is not a usable fold spec.");
      }
      return new FoldSpec(config, classes, fold, fit, val, held, output);
    } catch (NoSuchFileException e) {
      throw new IOException("The fold spec " + file + " does not exist.", e);
    } catch (EOFException e) {
      throw new IOException("The fold spec " + file + " is cut short.", e);
    } catch (IllegalArgumentException e) {
      throw new IOException("The fold spec " + file + " is not usable: " + e.getMessage(), e);
    }
  }

  private static String readMagic(DataInputStream in) {
    try {
      return in.readUTF();
    } catch (IOException e) {
      return ""; // not even a string: not a spec
    }
  }

  private static List<LabelledImage> images(DataInputStream in, int classes) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 100_000_000) {
      throw new IOException("a fold spec with " + n + " images");
    }
    List<LabelledImage> out = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) {
      String id = in.readUTF();
      Path file = Path.of(in.readUTF());
      int label = in.readInt();
      if (label >= classes) {
        throw new IOException("label " + label + " of " + id + " is not one of " + classes);
      }
      out.add(new LabelledImage(id, file, label));
    }
    return out;
  }
}

package org.databoost.training;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.databoost.dataset.Split;
import org.databoost.files.AtomicFileWriter;
import org.databoost.training.EvaluationRun.FoldResult;

/**
 * What one fold's model did: how it trained and its logits for the held-out images, in the spec's
 * order. The same for a fold trained in process and one trained by a worker; the worker writes it
 * to a file that appears whole or not at all.
 *
 * @param fold 0-based fold index
 * @param trainImages images the model trained on
 * @param bestEpoch its kept epoch
 * @param bestValAccuracy its validation accuracy at that epoch
 * @param history its epochs
 * @param logits one row per held-out image
 */
record FoldOutcome(
    int fold,
    int trainImages,
    int bestEpoch,
    double bestValAccuracy,
    List<EpochStats> history,
    float[][] logits) {
  private static final String MAGIC = "databoost fold outcome 1";

  /** The held-out images' predictions and the fold's summary, added to {@code predictions}. */
  FoldResult collect(List<LabelledImage> heldOut, List<ImagePrediction> predictions) {
    if (heldOut.size() != logits.length) {
      throw new IllegalStateException(heldOut.size() + " held-out images, " + logits.length);
    }
    int correct = 0;
    for (int i = 0; i < logits.length; i++) {
      ImagePrediction p = ImagePrediction.of(heldOut.get(i), Split.TRAIN, logits[i], fold, false);
      correct += p.correct() ? 1 : 0;
      predictions.add(p);
    }
    return new FoldResult(
        fold,
        trainImages,
        logits.length,
        bestEpoch,
        bestValAccuracy,
        logits.length == 0 ? Double.NaN : (double) correct / logits.length,
        history);
  }

  /** Writes the file whole or not at all ({@link AtomicFileWriter}). */
  void write(Path file) throws IOException {
    AtomicFileWriter.write(
        file,
        stream -> {
          DataOutputStream out = new DataOutputStream(stream);
          out.writeUTF(MAGIC);
          out.writeInt(fold);
          out.writeInt(trainImages);
          out.writeInt(bestEpoch);
          out.writeDouble(bestValAccuracy);
          out.writeInt(history.size());
          for (EpochStats e : history) {
            out.writeInt(e.epoch());
            out.writeDouble(e.loss());
            out.writeDouble(e.valAccuracy());
            out.writeDouble(e.seconds());
          }
          out.writeInt(logits.length);
          out.writeInt(logits.length == 0 ? 0 : logits[0].length);
          for (float[] row : logits) {
            for (float v : row) {
              out.writeFloat(v);
            }
          }
          out.flush();
        });
  }

  static FoldOutcome read(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (!MAGIC.equals(in.readUTF())) {
        throw new IOException(file + " is not a fold outcome.");
      }
      int fold = in.readInt();
      int trainImages = in.readInt();
      int bestEpoch = in.readInt();
      double bestVal = in.readDouble();
      int epochs = in.readInt();
      List<EpochStats> history = new ArrayList<>();
      for (int i = 0; i < epochs; i++) {
        history.add(
            new EpochStats(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble()));
      }
      int rows = in.readInt();
      int cols = in.readInt();
      if (epochs < 0 || rows < 0 || cols < 0 || (long) rows * cols > Integer.MAX_VALUE) {
        throw new IOException(file + " is not a usable fold outcome.");
      }
      float[][] logits = new float[rows][cols];
      for (float[] row : logits) {
        for (int c = 0; c < cols; c++) {
          row[c] = in.readFloat();
        }
      }
      return new FoldOutcome(fold, trainImages, bestEpoch, bestVal, List.copyOf(history), logits);
    }
  }
}

package org.databoost.evaluation;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.databoost.files.AtomicFileWriter;
import org.databoost.training.TrainedModel;

/**
 * The main model of the workspace's latest run, kept beside the catalog ({@code
 * .databoost/latest-model.bin}, about 1 MB, replaced by each run), so that Boost, which reuses the
 * latest run as its baseline when it matches, can also reuse that run's model as a judge of corpus
 * images instead of training it again. Only the latest run's model is kept: it is the only run
 * Boost reuses.
 */
public final class LatestModel {
  public static final String FILE = "latest-model.bin";
  private static final String MAGIC = "databoost-model-1";

  private LatestModel() {}

  /** Keeps {@code model} as the model of run {@code runId}, replacing the one kept before. */
  public static void save(Path stateDir, long runId, TrainedModel model) throws IOException {
    AtomicFileWriter.write(
        stateDir.resolve(FILE),
        out -> {
          DataOutputStream d = new DataOutputStream(out);
          d.writeUTF(MAGIC);
          d.writeLong(runId);
          d.writeInt(model.classes());
          d.writeInt(model.bestEpoch());
          d.writeDouble(model.bestValAccuracy());
          d.writeInt(model.parameters().length);
          d.write(model.parameters());
          d.flush();
        });
  }

  /**
   * The kept model of run {@code runId}; empty when none is kept, or the one kept belongs to
   * another run (the epoch history is not kept).
   */
  public static Optional<TrainedModel> load(Path stateDir, long runId) throws IOException {
    try (InputStream in = Files.newInputStream(stateDir.resolve(FILE));
        DataInputStream d = new DataInputStream(in)) {
      if (!MAGIC.equals(d.readUTF()) || d.readLong() != runId) {
        return Optional.empty();
      }
      int classes = d.readInt();
      int bestEpoch = d.readInt();
      double bestVal = d.readDouble();
      byte[] parameters = new byte[d.readInt()];
      d.readFully(parameters);
      return Optional.of(new TrainedModel(parameters, classes, bestEpoch, bestVal, List.of()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}

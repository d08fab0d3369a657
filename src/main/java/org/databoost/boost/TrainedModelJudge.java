package org.databoost.boost;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.databoost.task.Progress;
import org.databoost.training.Classifier;
import org.databoost.training.ImageTensors;
import org.databoost.training.TorchEngine;
import org.databoost.training.TrainedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The round's model (the run Boost starts the round from) classifying the retrieved corpus images
 * only, read in chunks so that memory stays at a chunk of decoded images whatever their number.
 */
final class TrainedModelJudge implements ModelJudge {
  static final String STAGE = "The model judges the retrieved corpus images";
  private static final int CHUNK = 256;
  private static final Logger LOG = LoggerFactory.getLogger(TrainedModelJudge.class);

  private final TrainedModel model;
  private final List<String> labels;
  private final int threads;

  TrainedModelJudge(TrainedModel model, List<String> labels, int threads) {
    if (model.classes() != labels.size()) {
      throw new IllegalArgumentException(
          "the model has " + model.classes() + " outputs for " + labels.size() + " labels");
    }
    this.model = model;
    this.labels = List.copyOf(labels);
    this.threads = threads;
  }

  @Override
  public List<String> labels() {
    return labels;
  }

  @Override
  public float[][] probabilities(List<Path> files, Progress progress) {
    float[][] out = new float[files.size()][];
    if (files.isEmpty()) {
      return out;
    }
    TorchEngine.start(threads);
    try (Classifier classifier = model.open()) {
      for (int from = 0; from < files.size(); from += CHUNK) {
        progress.checkCancelled();
        progress.update(STAGE, from, files.size());
        int to = Math.min(files.size(), from + CHUNK);
        List<Integer> read = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        for (int i = from; i < to; i++) {
          try {
            inputs.add(ImageTensors.read(files.get(i)));
            read.add(i);
          } catch (IOException e) {
            // The k-NN vote still judges it: its embedding was made when the corpus was embedded.
            LOG.warn("the model cannot judge {}: {}", files.get(i), e.getMessage());
          }
        }
        float[][] p = classifier.probabilities(inputs.toArray(new float[0][]), progress);
        for (int j = 0; j < p.length; j++) {
          out[read.get(j)] = p[j];
        }
      }
      progress.update(STAGE, files.size(), files.size());
    }
    return out;
  }
}

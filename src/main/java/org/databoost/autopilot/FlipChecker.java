package org.databoost.autopilot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.databoost.analysis.ClassRows;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.databoost.training.Classifier;
import org.databoost.training.EvaluationInput;
import org.databoost.training.Evaluator;
import org.databoost.training.ImageTensors;
import org.databoost.training.LabelledImage;
import org.databoost.training.TrainedModel;
import org.databoost.training.TrainingConfig;

/**
 * Runs {@link FlipCheck} on the dataset as the cleaning steps leave it: the fixed model, trained
 * with the quick preset on the unmirrored training images under their corrected labels (the judge
 * sees stroke order, which an embedding with global pooling barely does), classifies mirrored
 * copies of the validation images of each class.
 */
final class FlipChecker {
  static final String STAGE = "Training a judge for the mirror check";

  private FlipChecker() {}

  static List<FlipCheck.Outcome> check(
      DatasetScan scan,
      List<String> removed,
      Map<String, String> relabel,
      TrainingConfig training,
      Progress progress)
      throws IOException {
    Set<String> gone = new HashSet<>(removed);
    List<String> labels = scan.labels();
    List<LabelledImage> train = new ArrayList<>();
    List<LabelledImage> val = new ArrayList<>();
    List<List<BufferedImage>> samples = new ArrayList<>();
    labels.forEach(l -> samples.add(new ArrayList<>()));
    for (ImageEntry e : scan.images()) {
      String path = e.displayPath();
      if (gone.contains(path) || (e.split() != Split.TRAIN && e.split() != Split.VAL)) {
        continue;
      }
      int label = labels.indexOf(relabel.getOrDefault(path, e.label()));
      LabelledImage image = new LabelledImage(path, scan.root().resolve(e.relativePath()), label);
      if (e.split() == Split.TRAIN) {
        train.add(image);
      } else {
        val.add(image);
        samples.get(label).add(FillRenderer.decode(scan.root(), path));
      }
    }
    progress.update(STAGE, 0, -1);
    TrainedModel model =
        Evaluator.train(
            new EvaluationInput(labels, train, val, List.of(), List.of()),
            training.withFolds(0),
            progress);
    try (Classifier classifier = model.open()) {
      return FlipCheck.check(
          labels,
          samples,
          images -> {
            float[][] inputs = new float[images.size()][];
            for (int i = 0; i < inputs.length; i++) {
              inputs[i] = ImageTensors.of(images.get(i));
            }
            float[][] logits = classifier.logits(inputs, progress);
            int[] out = new int[logits.length];
            for (int i = 0; i < out.length; i++) {
              out[i] = ClassRows.argmax(logits[i]);
            }
            return out;
          },
          progress);
    }
  }
}

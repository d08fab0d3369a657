package org.databoost.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.databoost.analysis.StratifiedFolds;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
  @TempDir static Path dir;
  private static EvaluationInput input;

  private static final TrainingConfig TINY =
      TrainingConfig.quick().withEpochs(1).withBatchSize(8).withThreads(1).withSeed(3);

  @BeforeAll
  static void writeImages() {
    input = ShapeImages.input(dir, 19, 6, 3);
  }

  @Test
  void crossValidationPredictsEveryTrainingImageOnceOutOfSample() throws IOException {
    RecordingProgress progress = new RecordingProgress();
    EvaluationRun run = Evaluator.evaluate(input, TINY.withFolds(3), progress);

    List<ImagePrediction> train = ofSplit(run, Split.TRAIN);
    assertEquals(19, train.size());
    Set<String> ids = train.stream().map(ImagePrediction::id).collect(Collectors.toSet());
    assertEquals(input.train().stream().map(LabelledImage::id).collect(Collectors.toSet()), ids);
    assertTrue(train.stream().noneMatch(ImagePrediction::inSample));

    int[] expectedFolds =
        StratifiedFolds.assign(
            input.train().stream().mapToInt(LabelledImage::labelIndex).toArray(), 3, TINY.seed());
    Map<String, Integer> foldOf = new HashMap<>();
    for (int i = 0; i < expectedFolds.length; i++) {
      foldOf.put(input.train().get(i).id(), expectedFolds[i]);
    }
    for (ImagePrediction p : train) {
      assertEquals(foldOf.get(p.id()), p.fold(), p.id());
    }

    assertEquals(3, run.folds().size());
    int heldOut = 0;
    for (EvaluationRun.FoldResult f : run.folds()) {
      assertEquals(19, f.trainImages() + f.heldOutImages());
      heldOut += f.heldOutImages();
    }
    assertEquals(19, heldOut);
    assertTrue(progress.updates.contains("fold 3/3: train epoch 1/1 2/2"));

    assertEquals(6, ofSplit(run, Split.VAL).size());
    assertEquals(3, ofSplit(run, Split.LABEL_BOOK).size());
    assertTrue(ofSplit(run, Split.VAL).stream().allMatch(p -> p.fold() == -1 && !p.inSample()));
    assertEquals(Set.of(Split.TRAIN, Split.VAL, Split.LABEL_BOOK), run.accuracy().keySet());
    assertEquals(run.bestValAccuracy(), run.accuracy().get(Split.VAL), 0.0);
  }

  @Test
  void zeroFoldsPredictsTrainingImagesInSample() throws IOException {
    EvaluationRun run = Evaluator.evaluate(input, TINY.withFolds(0), Progress.NONE);
    List<ImagePrediction> train = ofSplit(run, Split.TRAIN);
    assertEquals(19, train.size());
    assertTrue(train.stream().allMatch(p -> p.inSample() && p.fold() == -1));
    assertTrue(run.folds().isEmpty());
    for (ImagePrediction p : run.predictions()) {
      float sum = 0;
      for (float q : p.probabilities()) {
        sum += q;
      }
      assertEquals(1f, sum, 1e-5f);
      assertEquals(-Math.log(p.selfConfidence()), p.loss(), 1e-4);
      assertEquals(p.correct(), p.margin() > 0);
      assertFalse(p.confidence() < p.selfConfidence());
    }
  }

  private static List<ImagePrediction> ofSplit(EvaluationRun run, Split split) {
    return run.predictions().stream().filter(p -> p.split() == split).toList();
  }
}

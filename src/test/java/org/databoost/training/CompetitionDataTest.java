package org.databoost.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.databoost.dataset.SharedData;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;

/** A short run on a slice of the real competition data (skipped when it is not there). */
class CompetitionDataTest {
  private static final Path ROOT = SharedData.ROMAN_NUMERALS;
  private static final List<String> LABELS =
      List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");

  private static List<LabelledImage> slice(String split, int perLabel) throws IOException {
    List<LabelledImage> out = new ArrayList<>();
    for (int i = 0; i < LABELS.size(); i++) {
      Path folder = ROOT.resolve(split).resolve(LABELS.get(i));
      try (Stream<Path> files = Files.list(folder)) {
        for (Path f : files.sorted().limit(perLabel).toList()) {
          out.add(new LabelledImage(ROOT.relativize(f).toString(), f, i));
        }
      }
    }
    return out;
  }

  @Test
  void aSliceOfTheCompetitionDataTrainsAndIsPredicted() throws IOException {
    assumeTrue(Files.isDirectory(ROOT.resolve("train")), "competition data not present");
    EvaluationInput input =
        new EvaluationInput(
            LABELS, slice("train", 6), slice("val", 2), List.of(), slice("label_book", 2));
    TrainingConfig config = TrainingConfig.competition().withEpochs(1).withFolds(0).withThreads(1);
    EvaluationRun run = Evaluator.evaluate(input, config, Progress.NONE);

    assertEquals(60 + 20 + 20, run.predictions().size());
    assertTrue(run.predictions().stream().allMatch(p -> p.probabilities().length == 10));
    assertEquals(1, run.bestEpoch());
    assertEquals(run.bestValAccuracy(), run.accuracy().get(Split.VAL), 0.0);
    assertTrue(run.timings().totalSeconds() > 0);
  }
}

package org.databoost.evaluation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.databoost.dataset.DatasetScanner;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleKind;
import org.databoost.sample.SampleSpec;
import org.databoost.sample.SampleTruth;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample-truth benchmark scores every train and val image of a generated sample against its
 * answer key, from the embeddings alone and with the model trained first as {@code evaluate} does
 * (the workbench's verdicts after Evaluate); the model's work folder is gone afterwards.
 */
class SampleTruthBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void scoresTheVerdictsAgainstTheAnswerKeyWithAndWithoutTheModel() throws Exception {
    Path data = tmp.resolve("sample");
    SampleTruth truth =
        new SampleDatasetGenerator()
            .generate(
                data, SampleSpec.defaults().withPerLabel(24, 8, 2).withJunkCount(6), Progress.NONE);
    long trainAndVal =
        truth.entries().stream().filter(e -> !e.path().startsWith("label_book/")).count();
    SampleTruthBenchmark bench = new SampleTruthBenchmark(new DatasetScanner());

    SampleTruthBenchmark.Report alone =
        bench.run(data, tmp.resolve("state-a"), 42, null, null, Progress.NONE);
    assertEquals(trainAndVal, alone.images());
    assertEquals(truth.count(SampleKind.JUNK), alone.junk());
    assertEquals(truth.count(SampleKind.MISLABELED), alone.mislabelled());
    assertTrue(alone.labelErrorsRight() <= alone.labelErrorFlags());
    assertTrue(alone.labelErrorFlags() > 0, "the judges flag some of the mislabelled images");
    assertTrue(Double.isNaN(alone.modelShare()), "no model without a training config");

    TrainingConfig config =
        TrainingConfig.quick()
            .withEpochs(2)
            .withBatchSize(16)
            .withFolds(2)
            .withThreads(1)
            .withJobs(2)
            .withSeed(3);
    Path state = tmp.resolve("state-m");
    Path dump = tmp.resolve("dump.csv");
    SampleTruthBenchmark.Report withModel = bench.run(data, state, 42, dump, config, Progress.NONE);
    assertEquals(trainAndVal, withModel.images());
    assertEquals(alone.junk(), withModel.junk());
    assertEquals(alone.mislabelled(), withModel.mislabelled());
    assertEquals(trainAndVal + 1, Files.readAllLines(dump).size(), "a line per image");
    assertTrue(
        !Double.isNaN(withModel.modelShare()) || !withModel.message().isEmpty(),
        "the model took part in the judgement, or the run says why it could not");
    Path work = state.resolve("work");
    if (Files.isDirectory(work)) {
      try (Stream<Path> left = Files.list(work)) {
        assertFalse(left.findAny().isPresent(), "the fold processes' work folder is deleted");
      }
    }
  }
}

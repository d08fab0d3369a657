package org.databoost.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.Split;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-validation in worker processes ({@code databoost train-worker}) on a tiny generated sample:
 * the same out-of-fold predictions as the in-process path, and a cancel that stores nothing and
 * leaves no worker and no work file behind.
 */
class ParallelEvaluationTest {
  @TempDir static Path tmp;
  private static Path data;

  private static final TrainingConfig TINY =
      TrainingConfig.quick().withEpochs(2).withFolds(2).withThreads(1).withBatchSize(16);

  @BeforeAll
  static void sample() throws Exception {
    data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
  }

  private static Workspace open() throws Exception {
    return Workspace.open(data, WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")));
  }

  @Test
  void twoWorkerProcessesGiveEveryTrainingImageTheInProcessOutOfFoldPrediction() throws Exception {
    Set<String> stages = ConcurrentHashMap.newKeySet();
    Progress recording =
        new Progress() {
          @Override
          public void update(String stage, long done, long total) {
            stages.add(stage);
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    EvaluationService service = new EvaluationService(new DatasetScanner());
    EvaluationService.Result parallel;
    EvaluationService.Result inProcess;
    Path work;
    try (Workspace ws = open()) {
      // what a killed run leaves behind is deleted by the next one
      Path left = Files.createDirectories(ws.stateDir().resolve("work").resolve("job-killed"));
      Files.writeString(left.resolve("fold-1.spec"), "left by a killed run");
      parallel = service.evaluate(ws, TINY.withJobs(2), recording);
      inProcess = service.evaluate(ws, TINY.withJobs(1), Progress.NONE);
      work = ws.stateDir().resolve("work");
    }
    assertTrue(stages.contains("fold 1/2: train epoch 1/2"), "a worker's progress: " + stages);
    assertTrue(stages.contains("fold 2/2: train epoch 2/2"), "a worker's progress: " + stages);
    assertEquals("2", parallel.run().parameters().get("jobs"));
    assertTrue(parallel.run().results().other().containsKey("fold.2.held_out_accuracy"));

    Map<String, PredictionRecord> got = train(parallel.predictions());
    Map<String, PredictionRecord> want = train(inProcess.predictions());
    assertEquals(60, got.size(), "every training image, once");
    assertEquals(want.keySet(), got.keySet());
    for (PredictionRecord p : got.values()) {
      PredictionRecord q = want.get(p.path());
      assertFalse(p.inSample(), p.path());
      assertEquals(q.fold(), p.fold(), "the in-process fold assignment: " + p.path());
      assertArrayEquals(q.probabilities(), p.probabilities(), 1e-4f, p.path());
    }
    assertEquals(2, parallel.details().folds().size());
    for (int f = 0; f < 2; f++) {
      assertEquals(
          inProcess.details().folds().get(f).heldOutAccuracy(),
          parallel.details().folds().get(f).heldOutAccuracy(),
          1e-9);
    }
    assertEquals(100, parallel.predictions().size());
    assertWorkFolderEmpty(work);
  }

  @Test
  void cancellingWhileWorkersTrainKillsThemAndStoresNothing() throws Exception {
    Progress cancelOnceAWorkerTrains =
        new Progress() {
          private volatile boolean workerTrains;

          @Override
          public void update(String stage, long done, long total) {
            workerTrains |= stage.startsWith("fold ") && stage.contains("train epoch");
          }

          @Override
          public boolean isCancelled() {
            return workerTrains;
          }
        };
    try (Workspace ws = open()) {
      int before = ws.runs().list().size();
      assertThrows(
          CancelledException.class,
          () ->
              new EvaluationService(new DatasetScanner())
                  .evaluate(ws, TINY.withEpochs(30).withJobs(2), cancelOnceAWorkerTrains));
      assertEquals(before, ws.runs().list().size());
      assertWorkFolderEmpty(ws.stateDir().resolve("work"));
    }
    assertEquals(
        List.of(),
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList(),
        "no worker outlives the cancel");
  }

  private static Map<String, PredictionRecord> train(List<PredictionRecord> predictions) {
    return predictions.stream()
        .filter(p -> p.split() == Split.TRAIN)
        .collect(Collectors.toMap(PredictionRecord::path, Function.identity()));
  }

  private static void assertWorkFolderEmpty(Path work) throws Exception {
    if (Files.exists(work)) {
      try (Stream<Path> left = Files.list(work)) {
        assertEquals(List.of(), left.toList(), "the work folder is cleaned up");
      }
    }
  }
}

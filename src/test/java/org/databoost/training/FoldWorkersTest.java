package org.databoost.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fold worker that fails, and specs that cannot be read, say which and why. */
class FoldWorkersTest {
  private static final TrainingConfig TINY =
      TrainingConfig.quick().withEpochs(1).withBatchSize(8).withFolds(2).withThreads(1);

  private static FoldSpec spec(Path dir, int fold, String missing) {
    LabelledImage gone = new LabelledImage("train/i/" + missing, dir.resolve(missing), 0);
    return new FoldSpec(
        TINY, 2, fold, List.of(gone), List.of(), List.of(), dir.resolve("fold-" + fold + ".out"));
  }

  @Test
  void aFailedWorkerNamesItsFoldAndWhatItSaidAndLeavesNoResult(@TempDir Path dir) throws Exception {
    List<FoldSpec> specs = List.of(spec(dir, 0, "gone-1.png"), spec(dir, 1, "gone-2.png"));
    IOException e;
    try (FoldWorkers workers = FoldWorkers.start(specs, dir, 2, Progress.NONE)) {
      e = assertThrows(IOException.class, workers::await); // the first fold fails first
    }
    assertTrue(
        e.getMessage().startsWith("Cross-validation fold 1 of 2 failed in its worker process"),
        e.getMessage());
    assertTrue(e.getMessage().contains("cannot read train/i/gone-1.png"), e.getMessage());
    assertFalse(Files.exists(specs.get(0).output()));
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "no partial result");
    }
  }

  @Test
  void aBadSpecIsRefusedWithASentence(@TempDir Path dir) throws Exception {
    Path garbage = Files.writeString(dir.resolve("bad.spec"), "not a spec at all");
    IOException e =
        assertThrows(IOException.class, () -> FoldWorker.run(garbage, System.out, () -> false));
    assertEquals(garbage + " is not a fold spec.", e.getMessage());

    Path good = dir.resolve("good.spec");
    spec(dir, 0, "x.png").write(good);
    byte[] all = Files.readAllBytes(good);
    Path cut = Files.write(dir.resolve("cut.spec"), java.util.Arrays.copyOf(all, all.length - 3));
    e = assertThrows(IOException.class, () -> FoldSpec.read(cut));
    assertEquals("The fold spec " + cut + " is cut short.", e.getMessage());

    e = assertThrows(IOException.class, () -> FoldSpec.read(dir.resolve("none.spec")));
    assertTrue(e.getMessage().endsWith("none.spec does not exist."), e.getMessage());
  }

  @Test
  void aSpecRoundTrips(@TempDir Path dir) throws Exception {
    FoldSpec spec = spec(dir, 1, "tab\tand\nnewline.png");
    spec.write(dir.resolve("s"));
    FoldSpec back = FoldSpec.read(dir.resolve("s"));
    assertEquals(spec.fit(), back.fit());
    assertEquals(spec.output(), back.output());
    assertEquals(spec.config().withThreads(1), back.config());
  }
}

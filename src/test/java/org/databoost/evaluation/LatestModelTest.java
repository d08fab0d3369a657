package org.databoost.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.databoost.training.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestModelTest {
  @TempDir Path state;

  @Test
  void theLatestRunsModelComesBackOnlyForThatRun() throws Exception {
    assertTrue(LatestModel.load(state, 1).isEmpty(), "nothing kept yet");
    byte[] params = {1, 2, 3, 4, 5};
    LatestModel.save(state, 7, new TrainedModel(params, 3, 4, 0.5, List.of()));
    TrainedModel back = LatestModel.load(state, 7).orElseThrow();
    assertArrayEquals(params, back.parameters());
    assertEquals(3, back.classes());
    assertEquals(4, back.bestEpoch());
    assertEquals(0.5, back.bestValAccuracy());
    assertTrue(LatestModel.load(state, 6).isEmpty(), "another run's model is not this one's");

    LatestModel.save(state, 8, new TrainedModel(new byte[] {9}, 2, 1, 0.1, List.of()));
    assertTrue(LatestModel.load(state, 7).isEmpty(), "replaced by the next run's");
    assertArrayEquals(new byte[] {9}, LatestModel.load(state, 8).orElseThrow().parameters());
  }
}

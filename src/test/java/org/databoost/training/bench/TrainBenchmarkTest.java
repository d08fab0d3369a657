package org.databoost.training.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainBenchmarkTest {
  @Test
  void theMedianOfThePairedRatiosSkipsRoundsWithoutAReferenceFigure() {
    assertEquals(1.1, TrainBenchmark.median(List.of(1.3, 0.9, 1.1)), 1e-12);
    assertEquals(1.0, TrainBenchmark.median(List.of(1.2, 0.8, 1.1, 0.9)), 1e-12);
    assertEquals(0.9, TrainBenchmark.median(List.of(Double.NaN, 0.9, Double.POSITIVE_INFINITY)));
    assertTrue(Double.isNaN(TrainBenchmark.median(List.of())));
  }
}

package org.databoost.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UmapOptionsTest {

  @ParameterizedTest(name = "nNeighbors={0} minDist={1} spread={2} epochs={3} threads={4}")
  @CsvSource({
    "1, 0.1, 1.0, 0, 1",
    "201, 0.1, 1.0, 0, 1",
    "15, -0.1, 1.0, 0, 1",
    "15, 1.5, 1.0, 0, 1",
    "15, NaN, 1.0, 0, 1",
    "15, 0.1, 0.0, 0, 1",
    "15, 0.1, Infinity, 0, 1",
    "15, 0.1, 1.0, -1, 1",
    "15, 0.1, 1.0, 0, 0",
  })
  void rejectsOutOfRangeSettings(int nn, double minDist, double spread, int epochs, int threads) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new UmapOptions(nn, minDist, spread, epochs, 1L, threads));
  }

  @Test
  void defaultsFollowUmapLearn() {
    UmapOptions o = UmapOptions.defaults();
    assertEquals(15, o.nNeighbors());
    assertEquals(0.1, o.minDist());
    assertEquals(1.0, o.spread());
    assertEquals(500, o.epochsFor(10_000));
    assertEquals(200, o.epochsFor(10_001));
    assertEquals(50, o.withEpochs(50).epochsFor(100_000));
  }
}

package org.databoost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleSpecTest {

  @Test
  void defaultsAreSizedForInteractiveUse() {
    SampleSpec d = SampleSpec.defaults();
    assertEquals(750, d.totalImages());
    assertEquals(40, d.trainMislabelCount());
    assertEquals(8, d.valMislabelCount());
  }

  @Test
  void withSeedChangesOnlyTheSeed() {
    SampleSpec d = SampleSpec.defaults();
    SampleSpec s = d.withSeed(99);
    assertEquals(99, s.seed());
    assertEquals(d, s.withSeed(d.seed()));
  }

  @ParameterizedTest(name = "train={0} val={1} book={2} sizes={3}..{4} wrong={5} junk={6}")
  @CsvSource({
    "-1, 1, 1, 96, 200, 0.08, 0, 1",
    "5, 1, 1, 16, 200, 0.08, 0, 1",
    "5, 1, 1, 200, 96, 0.08, 0, 1",
    "5, 1, 1, 96, 200, 0.9, 0, 1",
    "5, 1, 1, 96, 200, NaN, 0, 1",
    "5, 1, 1, 96, 200, 0.08, -1, 1",
    "5, 1, 1, 96, 200, 0.08, 49, 1",
    "5, 1, 1, 96, 200, 0.08, 0, -0.5",
  })
  void rejectsImpossibleSpecs(
      int train, int val, int book, int min, int max, double wrong, int junk, double shift) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SampleSpec(1, train, val, book, min, max, wrong, junk, shift));
  }
}

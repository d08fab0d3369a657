package org.databoost.app.boost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.databoost.boost.BoostOptions;
import org.junit.jupiter.api.Test;

/** The Boost dialog's rules, without the toolkit. */
class BoostFormTest {
  @Test
  void theDefaultsAreValidAndMatchTheService() {
    BoostForm f = BoostForm.defaults();
    assertTrue(f.problem().isEmpty(), f.problem().toString());
    BoostOptions o = f.options();
    assertEquals(BoostOptions.DEFAULT_BUDGET, o.budget());
    assertEquals(BoostOptions.defaultCandidates(), o.candidates());
    assertEquals("glyph", o.embedder());
    assertEquals(0, o.training().folds(), "boosting trains one model per round");
  }

  @Test
  void groupedNumbersAreReadAndBadFieldsAreNamed() {
    BoostForm ok =
        new BoostForm("1,000,000", 5, 3, "10_000", "glyph", "competition", true, true, "42");
    BoostOptions o = ok.options();
    assertEquals(1_000_000, o.candidates());
    assertEquals(10_000, o.budget());
    assertEquals("competition", o.training().preset());
    assertTrue(o.resplit() && o.compareRandom());
    assertEquals(42, o.seed());

    assertTrue(
        new BoostForm("lots", 5, 3, "10000", "glyph", "quick", false, false, "1")
            .problem()
            .orElseThrow()
            .startsWith("Candidates:"));
    assertTrue(
        new BoostForm("100", 5, 3, "0", "glyph", "quick", false, false, "1")
            .problem()
            .orElseThrow()
            .startsWith("Budget:"));
    assertTrue(
        new BoostForm("100", 5, 3, "100", "glyph", "quick", false, false, "x")
            .problem()
            .orElseThrow()
            .startsWith("Seed:"));
    assertTrue(
        new BoostForm("100", 5, 3, "100", " ", "quick", false, false, "1")
            .problem()
            .orElseThrow()
            .startsWith("Embedder:"));
  }

  @Test
  void aCorpusIsQueuedForReviewOrAutoAcceptedAtAConfidenceWithin0And1() {
    BoostForm pool = BoostForm.defaults();
    assertEquals("", pool.request().corpus(), "the pool by default");
    assertTrue(pool.request().autoAcceptAbove().isEmpty());
    BoostForm review =
        new BoostForm(
            "100", 5, 1, "100", "glyph", "quick", false, false, "1", "rendered", false, "0.9");
    assertEquals("rendered", review.request().corpus());
    assertTrue(review.request().autoAcceptAbove().isEmpty(), "queued for review");
    BoostForm auto =
        new BoostForm(
            "100", 5, 1, "100", "glyph", "quick", false, false, "1", "rendered", true, " 0.75 ");
    assertEquals(java.util.OptionalDouble.of(0.75), auto.request().autoAcceptAbove());
    for (String bad : new String[] {"1.5", "-0.1", "high", "", "NaN"}) {
      assertTrue(
          new BoostForm("100", 5, 1, "100", "glyph", "quick", false, false, "1", "c", true, bad)
              .problem()
              .orElseThrow()
              .startsWith("Auto-accept confidence:"),
          bad);
    }
    assertTrue(
        new BoostForm("100", 5, 1, "100", "glyph", "quick", false, true, "1", "c", false, "0.9")
            .problem()
            .orElseThrow()
            .startsWith("Compare with random candidates:"));
  }
}

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
}

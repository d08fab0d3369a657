package org.databoost.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 3-class case worked out by hand.
 *
 * <pre>
 * x  given  p0   p1   p2     confident classes (t = 0.6, 0.8, 0.7)
 * 0  0      .9   .05  .05    {0}
 * 1  0      .8   .1   .1     {0}
 * 2  0      .1   .8   .1     {1}    &lt;- labelled 0, looks like 1
 * 3  1      .1   .8   .1     {1}
 * 4  1      .2   .7   .1     {}     (.7 &lt; t1)
 * 5  1      .1   .9   0      {1}
 * 6  2      .1   .1   .8     {2}
 * 7  2      0    .1   .9     {2}
 * 8  2      .3   .3   .4     {}     &lt;- fits nothing
 * </pre>
 *
 * t0 = (.9+.8+.1)/3 = .6, t1 = (.8+.7+.9)/3 = .8, t2 = (.8+.9+.4)/3 = .7. C = [[2,1,0],[0,2,0],
 * [0,0,2]]; calibrated to the label counts (3, 3, 3): [[2,1,0],[0,3,0],[0,0,3]]. Pruning by noise
 * rate removes 1 example labelled 0 with the largest p1 - p0: example 2. Example 8 has max .4 below
 * the lowest threshold .6 and perplexity exp(1.089) = 2.97 ≥ 3/2, so it fits no class (the
 * dataset's entropy fence Q3 + 1.5 IQR = .58 + 1.5 · .22 = .92 is below its .99 too).
 */
class LabelIssueFinderTest {
  static final float[][] P = {
    {.9f, .05f, .05f},
    {.8f, .1f, .1f},
    {.1f, .8f, .1f},
    {.1f, .8f, .1f},
    {.2f, .7f, .1f},
    {.1f, .9f, 0f},
    {.1f, .1f, .8f},
    {0f, .1f, .9f},
    {.3f, .3f, .4f},
  };
  static final int[] GIVEN = {0, 0, 0, 1, 1, 1, 2, 2, 2};

  @Test
  void thresholdsAreTheMeanSelfConfidencePerClass() {
    double[] t = new LabelIssueFinder().find(P, GIVEN).thresholds();
    assertEquals(0.6, t[0], 1e-6);
    assertEquals(0.8, t[1], 1e-6);
    assertEquals(0.7, t[2], 1e-6);
  }

  @Test
  void confidentJointCountsEachExampleUnderItsConfidentClass() {
    LabelIssues issues = new LabelIssueFinder().find(P, GIVEN);
    assertArrayEquals(new int[][] {{2, 1, 0}, {0, 2, 0}, {0, 0, 2}}, issues.confidentJoint());
    assertArrayEquals(new int[][] {{2, 1, 0}, {0, 3, 0}, {0, 0, 3}}, issues.calibratedJoint());
    assertEquals(1, issues.estimatedErrorCount());
  }

  @Test
  void jointAndNoiseMatricesFollowFromTheCalibratedCounts() {
    LabelIssues issues = new LabelIssueFinder().find(P, GIVEN);
    double[][] q = issues.joint();
    assertEquals(2 / 9.0, q[0][0], 1e-9);
    assertEquals(1 / 9.0, q[0][1], 1e-9);
    assertEquals(1 / 3.0, q[1][1], 1e-9);
    // P(given = 0 | true = 1) = (1/9) / (1/9 + 3/9)
    assertEquals(0.25, issues.noiseMatrix()[0][1], 1e-9);
    assertEquals(0.75, issues.noiseMatrix()[1][1], 1e-9);
    assertEquals(1 / 3.0, issues.noiseRate(0), 1e-9);
    assertEquals(0, issues.noiseRate(1), 1e-9);
  }

  @Test
  void pruneByNoiseRateFlagsTheMislabelledExampleAndSuggestsItsClass() {
    LabelIssues issues = new LabelIssueFinder().find(P, GIVEN);
    List<ImageVerdict> errors = issues.labelErrors();
    assertEquals(1, errors.size());
    ImageVerdict v = errors.get(0);
    assertEquals(2, v.index());
    assertEquals(1, v.suggestedLabel());
    assertEquals(0.1, v.qualityScore(), 1e-6);
  }

  @Test
  void bothAndPruneByClassAgreeHere() {
    for (PruneMethod m : PruneMethod.values()) {
      LabelIssues issues =
          new LabelIssueFinder(LabelIssueOptions.defaults().withPruneMethod(m)).find(P, GIVEN);
      assertEquals(
          List.of(2), issues.labelErrors().stream().map(ImageVerdict::index).toList(), m.name());
    }
  }

  @Test
  void theSpreadOutExampleIsOutOfDistributionNotALabelError() {
    LabelIssues issues = new LabelIssueFinder().find(P, GIVEN);
    assertEquals(List.of(8), issues.outOfDistribution().stream().map(ImageVerdict::index).toList());
    ImageVerdict junk = issues.images().get(8);
    assertFalse(junk.labelError());
    assertEquals(0.991, junk.normalizedEntropy(), 1e-3);
    // Example 4 is unsure (no confident class) but clearly leans to one class: not junk.
    assertFalse(issues.images().get(4).outOfDistribution());
  }

  @Test
  void unflaggedImagesKeepTheirGivenLabelAsSuggestion() {
    for (ImageVerdict v : new LabelIssueFinder().find(P, GIVEN).images()) {
      if (!v.labelError()) {
        assertEquals(v.givenLabel(), v.suggestedLabel());
      }
    }
  }

  @Test
  void normalizedMarginScoresMapTheMarginIntoZeroToOne() {
    LabelIssues issues =
        new LabelIssueFinder(LabelIssueOptions.defaults().withRankBy(RankBy.NORMALIZED_MARGIN))
            .find(P, GIVEN);
    // (p0 - p1 + 1) / 2 = (.1 - .8 + 1) / 2
    assertEquals(0.15, issues.images().get(2).qualityScore(), 1e-6);
    assertEquals(0.925, issues.images().get(0).qualityScore(), 1e-6);
    assertTrue(
        issues.images().stream().allMatch(v -> v.qualityScore() >= 0 && v.qualityScore() <= 1));
  }
}

package org.databoost.boost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelJudgesTest {
  private static final List<String> LABELS = List.of("i", "v", "x");

  @Test
  void whenBothJudgesAgreeTheLabelIsTheirsWithTheMeanOfTheirConfidences() {
    // Vote: v 0.8, x 0.2; model: v 0.9.
    LabelJudges.Judged j =
        LabelJudges.combine(Map.of("v", 1.6, "x", 0.4), new float[] {0.05f, 0.9f, 0.05f}, LABELS);
    assertEquals("v", j.label());
    assertEquals(CorpusProposal.FROM_KNN_AND_MODEL, j.source());
    assertEquals((0.8 + 0.9) / 2, j.confidence(), 1e-6);
  }

  @Test
  void whenTheyDisagreeTheLargerMeanWinsWithALowerConfidenceAndTheOtherJudgeIsNamed() {
    // Vote: v 0.9, x 0.1; model: x 0.61, v 0.3. Mean: v 0.6, x 0.355.
    LabelJudges.Judged knnWins =
        LabelJudges.combine(Map.of("v", 0.9, "x", 0.1), new float[] {0.09f, 0.3f, 0.61f}, LABELS);
    assertEquals("v", knnWins.label());
    assertEquals("training k-NN vote (model says x 0.61)", knnWins.source());
    assertEquals((0.9 + 0.3) / 2, knnWins.confidence(), 1e-6);

    // Vote: v 0.6, i 0.4; model: i 0.95. Mean: i 0.675, v 0.3.
    LabelJudges.Judged modelWins =
        LabelJudges.combine(Map.of("v", 0.6, "i", 0.4), new float[] {0.95f, 0f, 0.05f}, LABELS);
    assertEquals("i", modelWins.label());
    assertEquals("model (training k-NN vote says v 0.60)", modelWins.source());
    assertEquals((0.4 + 0.95) / 2, modelWins.confidence(), 1e-6);
  }

  @Test
  void aThirdLabelCanWinTheMeanAndTheSourceSaysSo() {
    // Vote: v 0.5, x 0.45, i 0.05; model: i 0.5, x 0.45, v 0.05. Mean: x 0.45, v 0.275, i 0.275.
    LabelJudges.Judged j =
        LabelJudges.combine(
            Map.of("v", 0.5, "x", 0.45, "i", 0.05), new float[] {0.5f, 0.05f, 0.45f}, LABELS);
    assertEquals("x", j.label());
    assertEquals(
        "training k-NN vote + model, averaged (training k-NN vote says v 0.50, model says i 0.50)",
        j.source());
    assertEquals(0.45, j.confidence(), 1e-6);
  }

  @Test
  void oneJudgeAloneDecidesWhenTheOtherCannotSay() {
    LabelJudges.Judged knnOnly = LabelJudges.combine(Map.of("v", 3.0, "x", 1.0), null, LABELS);
    assertEquals(
        new LabelJudges.Judged("v", CorpusProposal.FROM_KNN, 0.75), knnOnly, "no model row");
    LabelJudges.Judged modelOnly =
        LabelJudges.combine(Map.of("v", 0.0), new float[] {0.2f, 0.2f, 0.6f}, LABELS);
    assertEquals("x", modelOnly.label());
    assertEquals(CorpusProposal.FROM_MODEL, modelOnly.source());
    assertEquals(0.6, modelOnly.confidence(), 1e-6);
    assertNull(LabelJudges.combine(Map.of(), null, LABELS));
  }
}

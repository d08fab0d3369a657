package org.databoost.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DegenerateInputTest {
  private final LabelIssueFinder finder = new LabelIssueFinder();

  @Test
  void noImagesGiveAnEmptyResult() {
    LabelIssues issues = finder.find(new float[0][], new int[0]);
    assertTrue(issues.images().isEmpty());
    assertTrue(issues.labelErrors().isEmpty());
    assertEquals(0, issues.numClasses());
    assertEquals(0, issues.estimatedErrorCount());
  }

  @Test
  void aClassWithoutImagesHasNoThresholdAndAnIdentityNoiseColumn() {
    float[][] p = {{.9f, .05f, .05f}, {.8f, .15f, .05f}, {.1f, .85f, .05f}, {.2f, .75f, .05f}};
    int[] given = {0, 0, 1, 1};
    LabelIssues issues = finder.find(p, given);
    assertTrue(Double.isNaN(issues.thresholds()[2]));
    assertTrue(issues.labelErrors().isEmpty());
    assertEquals(1.0, issues.noiseMatrix()[2][2]);
    assertEquals(0.0, issues.noiseRate(2));
    assertEquals(0, issues.calibratedJoint()[2][2]);
  }

  @Test
  void correctConfidentLabelsAreNeverFlagged() {
    int n = 50;
    float[][] p = new float[n][];
    int[] given = new int[n];
    for (int x = 0; x < n; x++) {
      given[x] = x % 5;
      p[x] = new float[5];
      Arrays.fill(p[x], 0.02f);
      p[x][given[x]] = 0.92f - (x % 3) * 0.05f;
    }
    for (PruneMethod m : PruneMethod.values()) {
      LabelIssues issues =
          new LabelIssueFinder(LabelIssueOptions.defaults().withPruneMethod(m)).find(p, given);
      assertTrue(issues.labelErrors().isEmpty(), m.name());
      assertTrue(issues.outOfDistribution().isEmpty(), m.name());
      assertEquals(0, issues.estimatedErrorCount(), m.name());
    }
  }

  @Test
  void aSingleImageAndASingleClassAreFine() {
    LabelIssues one = finder.find(new float[][] {{1f}}, new int[] {0});
    assertEquals(1, one.images().size());
    assertTrue(one.labelErrors().isEmpty());
    LabelIssues single = finder.find(new float[][] {{.2f, .8f}}, new int[] {0});
    // One example per class is kept (min_examples_per_class = 1), so nothing can be pruned.
    assertTrue(single.labelErrors().isEmpty());
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("null probabilities", null, new int[] {0}, "must not be null"),
        Arguments.of("null labels", new float[][] {{1f}}, null, "must not be null"),
        Arguments.of("length mismatch", new float[][] {{.5f, .5f}}, new int[] {0, 1}, "1 rows but"),
        Arguments.of(
            "ragged rows",
            new float[][] {{.5f, .5f}, {1f}},
            new int[] {0, 0},
            "row 1 of probabilities has 1 entries, expected 2"),
        Arguments.of("empty row", new float[][] {{}}, new int[] {0}, "need at least 1 class"),
        Arguments.of("label too big", new float[][] {{.5f, .5f}}, new int[] {2}, "outside [0, 2)"),
        Arguments.of("negative label", new float[][] {{.5f, .5f}}, new int[] {-1}, "outside"),
        Arguments.of("NaN", new float[][] {{Float.NaN, .5f}}, new int[] {0}, "not a probability"),
        Arguments.of("logits", new float[][] {{3f, -2f}}, new int[] {0}, "not a probability"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsRefusedWithAClearMessage(
      String name, float[][] p, int[] given, String expectedMessagePart) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> finder.find(p, given));
    assertTrue(
        e.getMessage().contains(expectedMessagePart),
        () -> "message '" + e.getMessage() + "' lacks '" + expectedMessagePart + "'");
  }
}

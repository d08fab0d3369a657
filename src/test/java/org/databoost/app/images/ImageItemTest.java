package org.databoost.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.databoost.dataset.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The other copy of a leak or a duplicate is read from its judges' words; a kept label dismisses
 * the flag.
 */
class ImageItemTest {
  private static ImageItem flagged(String issue, String given, String runGiven, String judges) {
    return flagged(issue, given, runGiven, judges, "");
  }

  private static ImageItem flagged(
      String issue, String given, String runGiven, String judges, String suggested) {
    return new ImageItem(
        "val/v/copy.png",
        Optional.of(Split.VAL),
        given,
        given,
        0.1,
        0.9,
        0.9,
        issue,
        suggested,
        "",
        null,
        -1,
        Double.NaN,
        runGiven,
        0.0,
        judges,
        false);
  }

  @ParameterizedTest(name = "{0} / {3} -> \"{4}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "leak|v|v|byte-identical to train/v/a b.png: delete this copy, keep that one|train/v/a b.png",
        "leak|v|v|byte-identical to train/iv/x.png (labelled iv there): delete this copy, keep that"
            + " one|train/iv/x.png",
        "duplicate|v|v|the same drawing as val/v/first.png: delete this copy, keep that"
            + " one|val/v/first.png",
        "label error|v|v|byte-identical to train/v/a.png: delete this copy, keep that one|''",
        "leak|v|v|glyph k-NN 0.9|''",
        "leak|v|iv|byte-identical to train/v/a.png: delete this copy, keep that one|''",
      })
  void theOtherCopyIsNamedByALeakOrADuplicateOnly(
      String issue, String given, String runGiven, String judges, String expected) {
    assertEquals(expected, flagged(issue, given, runGiven, judges).otherCopy());
  }

  @Test
  void aKeptLabelIsNoLongerFlaggedAndShowsItsFlagAsKeptWithoutASuggestion() {
    ImageItem open = flagged("label error", "v", "v", "glyph k-NN 0.9", "iv").withKept(false);
    ImageItem kept = open.withKept(true);
    assertTrue(open.flagged());
    assertFalse(open.resolved());
    assertEquals("iv", open.suggestionText());
    assertTrue(open.suggestion().usable());
    assertFalse(kept.flagged(), "out of the Flagged filter");
    assertTrue(kept.keptFlag());
    assertTrue(kept.resolved());
    assertEquals("label kept (label error)", kept.issueText());
    assertEquals("", kept.suggestionText());
    assertFalse(kept.suggestion().usable());
    assertTrue(kept.suggestion().whyNone().contains("K brings the flag back"));
  }

  @Test
  void aKeptMarkWithoutAFlagOrAfterARelabelChangesNothing() {
    ImageItem unflagged = flagged("", "v", "v", "").withKept(true);
    assertFalse(unflagged.keptFlag());
    assertEquals("", unflagged.issueText());
    ImageItem relabelled = flagged("label error", "iv", "v", "").withKept(true);
    assertFalse(relabelled.keptFlag(), "the flag was about the label the run saw");
    assertEquals("resolved (label error)", relabelled.issueText());
  }
}

package org.databoost.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.databoost.dataset.Split;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The other copy of a leak or a duplicate is read from its judges' words. */
class ImageItemTest {
  private static ImageItem flagged(String issue, String given, String runGiven, String judges) {
    return new ImageItem(
        "val/v/copy.png",
        Optional.of(Split.VAL),
        given,
        given,
        0.1,
        0.9,
        0.9,
        issue,
        "",
        "",
        null,
        -1,
        Double.NaN,
        runGiven,
        0.0,
        judges);
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
}

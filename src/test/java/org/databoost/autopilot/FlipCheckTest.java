package org.databoost.autopilot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;

/**
 * The mirror check with a judge that reads where the ink is: class "iv" has its ink on the left,
 * "vi" on the right, "x" on both sides, "v" on top.
 */
class FlipCheckTest {
  private static final List<String> LABELS = List.of("iv", "vi", "x", "v");

  private static BufferedImage image(boolean left, boolean right, boolean top) {
    BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 20; x++) {
        boolean ink = (x < 10 ? left : right) && (!top || y < 10);
        img.getRaster().setSample(x, y, 0, ink ? 0 : 255);
      }
    }
    return img;
  }

  private static int judge(BufferedImage img) {
    int left = 255 - img.getRaster().getSample(2, 15, 0) + 255 - img.getRaster().getSample(2, 5, 0);
    int right =
        255 - img.getRaster().getSample(17, 15, 0) + 255 - img.getRaster().getSample(17, 5, 0);
    int bottom =
        255 - img.getRaster().getSample(2, 15, 0) + 255 - img.getRaster().getSample(17, 15, 0);
    if (left > 0 && right > 0) {
      return bottom == 0 ? 3 : 2;
    }
    return left > 0 ? 0 : 1;
  }

  @Test
  void mirrorsAreKeptOnlyWhereTheJudgeReadsThemAsAClass() {
    List<List<BufferedImage>> samples = new ArrayList<>();
    samples.add(List.of(image(true, false, false), image(true, false, false)));
    samples.add(List.of(image(false, true, false)));
    samples.add(List.of(image(true, true, false)));
    samples.add(List.of(image(true, true, true)));
    List<FlipCheck.Outcome> out =
        FlipCheck.check(
            LABELS,
            samples,
            images -> images.stream().mapToInt(FlipCheckTest::judge).toArray(),
            Progress.NONE);
    assertEquals(12, out.size(), "three mirrors of four classes");
    assertTrue(has(out, "iv", Flip.LEFT_RIGHT, "vi", true), out.toString());
    assertTrue(has(out, "iv", Flip.TOP_BOTTOM, "iv", true));
    assertTrue(has(out, "x", Flip.BOTH, "x", true));
    assertTrue(has(out, "v", Flip.LEFT_RIGHT, "v", true));
    assertFalse(has(out, "v", Flip.TOP_BOTTOM, "v", true), "upside down, v reads as x here");
    assertEquals(
        List.of("iv:left-right", "iv:half turn", "vi:top-bottom"),
        FlipCheck.into(out, "vi").stream().map(o -> o.source() + ":" + o.flip()).toList(),
        "what feeds vi: mirrored iv, and vi upside down");
  }

  @Test
  void onlyRomanNumeralLabelsGetMirrorsAtAll() {
    assertTrue(FlipCheck.romanNumerals(List.of("i", "II", "iv", "x")));
    assertFalse(FlipCheck.romanNumerals(List.of("cat", "dog")));
    assertFalse(FlipCheck.romanNumerals(List.of("i", "xi")));
  }

  private static boolean has(
      List<FlipCheck.Outcome> out, String s, Flip f, String t, boolean kept) {
    return out.stream()
        .anyMatch(
            o -> o.source().equals(s) && o.flip() == f && o.target().equals(t) && o.kept() == kept);
  }
}

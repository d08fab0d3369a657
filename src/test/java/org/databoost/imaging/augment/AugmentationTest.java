package org.databoost.imaging.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AugmentationTest {
  private final Augmenter augmenter = new Augmenter(AugmentOptions.defaults());

  @Test
  void describeParsesBackToTheSameAugmentation() {
    for (long seed = -50; seed < 2000; seed++) {
      Augmentation a = augmenter.sample(seed);
      assertEquals(a, Augmentation.parse(a.describe()), a.describe());
    }
    Augmentation extreme = augmenter.sample(Long.MIN_VALUE);
    assertEquals(extreme, Augmentation.parse(extreme.describe()));
  }

  @Test
  void aCandidateRebuiltFromItsDescriptionRendersBitIdentically() {
    InkImage glyph = Glyphs.iv(64);
    for (long seed = 0; seed < 50; seed++) {
      Augmentation a = augmenter.sample(seed);
      assertEquals(
          augmenter.apply(glyph, a), augmenter.apply(glyph, Augmentation.parse(a.describe())));
    }
  }

  @Test
  void describeNamesTheVersionAndEveryField() {
    String line = augmenter.sample(123).describe();
    assertTrue(line.startsWith(Augmenter.VERSION + " seed=123 "), line);
    for (String field :
        new String[] {
          "rot=",
          "shear=",
          "scale=",
          "tx=",
          "ty=",
          "elastic=",
          "morph=",
          "blur=",
          "noise=",
          "contrast=",
          "bright=",
          "erase=",
          "crop="
        }) {
      assertTrue(line.contains(" " + field), field + " missing in " + line);
    }
    assertEquals(Augmentation.class.getRecordComponents().length - 3, line.split(" ").length - 1);
  }

  @Test
  void valuesAreRoundedToThePrintedDecimals() {
    Augmentation a =
        new Augmentation(9, 1.23456, 0.12345, 1.0004, 0, 0, 0, 0.555, 0, 0, 1, 0, 0, 0, 0, 0, 0);
    assertEquals(1.23, a.rotation());
    assertEquals(0.123, a.shear());
    assertEquals(1.0, a.scale());
    assertEquals(0.56, a.morph());
    assertTrue(Augmentation.identity(9).isIdentity());
    assertFalse(a.isIdentity());
  }

  @Test
  void anEmptyEraseRectangleHasOneForm() {
    Augmentation a = new Augmentation(1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0.3, 0.4, 0, 0.1, 0);
    assertEquals(Augmentation.identity(1), a);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "aug-v0 seed=1",
        "aug-v1 seed=1",
        "aug-v1 seed=x rot=0.00 shear=0.000 scale=1.000 tx=0.000 ty=0.000 elastic=0.000"
            + " morph=+0.00 blur=0.00 noise=0.000 contrast=1.000 bright=+0.000"
            + " erase=0.000,0.000,0.000,0.000 crop=0.000",
        "aug-v1 seed=1 rot=0.00 shear=0.000 scale=0.000 tx=0.000 ty=0.000 elastic=0.000"
            + " morph=+0.00 blur=0.00 noise=0.000 contrast=1.000 bright=+0.000"
            + " erase=0.000,0.000,0.000,0.000 crop=0.000",
        "aug-v1 seed=1 rot=0.00 shear=0.000 scale=1.000 tx=0.000 ty=0.000 elastic=0.000"
            + " morph=+0.00 blur=0.00 noise=0.000 contrast=1.000 bright=+0.000"
            + " erase=0.000,0.000,0.000 crop=0.000",
        "aug-v1 seed=1 rot=0.00 rot=0.00 shear=0.000 scale=1.000 tx=0.000 ty=0.000 elastic=0.000"
            + " morph=+0.00 blur=0.00 noise=0.000 contrast=1.000 bright=+0.000"
            + " erase=0.000,0.000,0.000,0.000 crop=0.000",
        "aug-v1 seed=1 rot=0.00 shear=0.000 scale=1.000 tx=0.000 ty=0.000 elastic=0.000"
            + " morph=+0.00 blur=0.00 noise=0.000 contrast=1.000 bright=+0.000"
            + " erase=0.000,0.000,0.000,0.000 crop=0.000 extra=1",
        "aug-v1 seed=1 rot=NaN shear=0.000 scale=1.000 tx=0.000 ty=0.000 elastic=0.000"
            + " morph=+0.00 blur=0.00 noise=0.000 contrast=1.000 bright=+0.000"
            + " erase=0.000,0.000,0.000,0.000 crop=0.000",
        "aug-v1 seed=1 rot=0.00 shear=0.000 scale=1.000 tx=0.000 ty=0.000 elastic=0.000"
            + " morph=+0.00 blur=-1.00 noise=0.000 contrast=1.000 bright=+0.000"
            + " erase=0.000,0.000,0.000,0.000 crop=0.000",
      })
  void malformedDescriptionsAreRejected(String line) {
    assertThrows(IllegalArgumentException.class, () -> Augmentation.parse(line));
  }
}

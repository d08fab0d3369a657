package org.databoost.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelOrderTest {

  @Test
  void ordersRomanNumeralsByValue() {
    assertEquals(
        List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xiv"),
        LabelOrder.sort(
            List.of("x", "ix", "xiv", "v", "iv", "viii", "i", "vii", "xi", "iii", "vi", "ii")));
  }

  @Test
  void ordersRomanNumeralsInAnyCase() {
    assertEquals(List.of("I", "ii", "IV", "X"), LabelOrder.sort(List.of("X", "IV", "ii", "I")));
  }

  @Test
  void fallsBackToNaturalOrderWhenOneLabelIsNotRoman() {
    assertEquals(
        List.of("i", "ii", "iv", "other"), LabelOrder.sort(List.of("other", "iv", "ii", "i")));
  }

  @Test
  void comparesNumbersInsideNamesByValue() {
    assertEquals(
        List.of("class1", "class2", "class10", "Class11", "dog", "dog01b", "dog2"),
        LabelOrder.sort(
            List.of("dog2", "class10", "dog", "Class11", "class2", "dog01b", "class1")));
  }

  @ParameterizedTest
  @CsvSource({"i, 1", "iv, 4", "ix, 9", "xiv, 14", "XL, 40", "mcmxcix, 1999"})
  void readsRomanNumerals(String text, int value) {
    assertEquals(OptionalInt.of(value), LabelOrder.romanValue(text));
  }

  @ParameterizedTest
  @CsvSource({"iiii", "vx", "ic", "cat", "''"})
  void rejectsMalformedRomanNumerals(String text) {
    assertEquals(OptionalInt.empty(), LabelOrder.romanValue(text));
  }
}

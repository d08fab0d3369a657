package org.databoost.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputSpecDefaultsTest {

  @Test
  void threeChannelsDefaultToImageNetsMeanAndStd() {
    InputSpec spec = InputSpec.withDefaults(224, 224, 3, null, null);
    assertEquals(InputSpec.imageNet().key(), spec.key());
  }

  @Test
  void oneChannelDefaultsToPlainZeroToOneValues() {
    InputSpec spec = InputSpec.withDefaults(28, 28, 1, null, null);
    assertArrayEquals(new float[] {0f}, spec.mean());
    assertArrayEquals(new float[] {1f}, spec.std());
  }

  @Test
  void oneValueStandsForEveryChannel() {
    InputSpec spec = InputSpec.withDefaults(32, 16, 3, new float[] {0.5f}, new float[] {0.25f});
    assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, spec.mean());
    assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, spec.std());
    assertEquals(32, spec.width());
    assertEquals(16, spec.height());
  }

  @Test
  void aWrongCountOrChannelNumberIsRefused() {
    IllegalArgumentException count =
        assertThrows(
            IllegalArgumentException.class,
            () -> InputSpec.withDefaults(8, 8, 3, new float[] {0.1f, 0.2f}, null));
    assertTrue(count.getMessage().contains("one mean and one std per channel"), count.getMessage());
    IllegalArgumentException channels =
        assertThrows(
            IllegalArgumentException.class, () -> InputSpec.withDefaults(8, 8, 2, null, null));
    assertEquals("channels must be 1 or 3, got 2", channels.getMessage());
  }
}

package org.databoost.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NnpackTest {
  @Test
  void startingTheEngineSwitchesNnpackOff() {
    TorchEngine.start(1);
    // The switch reached libtorch's global context: its own getter says so.
    assertFalse(Nnpack.enabled(), "libtorch still has NNPACK enabled");
    assertTrue(Nnpack.disable(), "a second call reports the switch as done");
  }
}

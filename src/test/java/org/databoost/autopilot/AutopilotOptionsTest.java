package org.databoost.autopilot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Set;
import org.databoost.training.TrainingConfig;
import org.junit.jupiter.api.Test;

class AutopilotOptionsTest {
  private final AutopilotOptions base = AutopilotOptions.defaults();

  @Test
  void eachStepLetterSwitchesItsOwnStepOnly() {
    String[] steps = {"clean", "relabel", "normalise", "resplit", "fill", "boost"};
    for (int i = 0; i < steps.length; i++) {
      char letter = (char) ('a' + i);
      AutopilotOptions off = base.withStep(letter, false);
      AutopilotOptions on = base.withStep(letter, true);
      boolean wasOn = (Boolean) component(base, steps[i]);
      assertOnlyChanged(base, wasOn ? off : on, steps[i]);
      assertEquals(base, wasOn ? on : off, steps[i]);
      assertEquals(false, component(off, steps[i]), steps[i]);
      assertEquals(true, component(on, steps[i]), steps[i]);
    }
    assertEquals(base, base.withStep('z', false));
  }

  @Test
  void eachCopyChangesWhatItNamesAndKeepsTheRest() {
    assertOnlyChanged(base, base.withFlips(!base.flips()), "flips");
    AutopilotOptions boost = base.withBoost(5, 3, 999);
    assertOnlyChanged(base, boost, "boostRounds", "boostK", "boostCandidates");
    assertEquals(5, boost.boostRounds());
    assertEquals(3, boost.boostK());
    assertEquals(999, boost.boostCandidates());
    assertOnlyChanged(base, base.withBudget(1234), "budget");
    assertEquals(1234, base.withBudget(1234).budget());
    assertOnlyChanged(base, base.withSeed(99), "seed");
    assertEquals(99, base.withSeed(99).seed());
    TrainingConfig other = TrainingConfig.competition();
    assertOnlyChanged(base, base.withTraining(other), "training");
    assertEquals(other, base.withTraining(other).training());
  }

  @Test
  void copiesAreCheckedLikeNewOptions() {
    assertThrows(IllegalArgumentException.class, () -> base.withBudget(0));
    assertThrows(IllegalArgumentException.class, () -> base.withBoost(0, 10, 100));
  }

  private static void assertOnlyChanged(
      AutopilotOptions before, AutopilotOptions after, String... changed) {
    Set<String> names = new HashSet<>(Set.of(changed));
    for (RecordComponent c : AutopilotOptions.class.getRecordComponents()) {
      boolean same = component(before, c.getName()).equals(component(after, c.getName()));
      assertEquals(!names.contains(c.getName()), same, c.getName());
    }
  }

  private static Object component(AutopilotOptions o, String name) {
    try {
      return AutopilotOptions.class.getMethod(name).invoke(o);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}

package org.databoost.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The stage's time estimate, with a hand-driven clock. */
class TaskProgressTest {
  @Test
  void theEstimateFollowsThePaceOfTheCurrentStage() {
    AtomicLong nanos = new AtomicLong();
    TaskProgress p = new TaskProgress(Runnable::run, nanos::get);
    p.update("Generating", 0, 100);
    assertEquals("", p.etaProperty().get(), "nothing to go on yet");
    nanos.set(30_000_000_000L);
    p.update("Generating", 25, 100);
    assertEquals("about 2 min left", p.etaProperty().get());
    nanos.set(60_000_000_000L);
    p.update("Training", 1, 100);
    assertEquals("", p.etaProperty().get(), "a new stage starts its own clock");
    nanos.set(70_000_000_000L);
    p.update("Training", 50, 100);
    assertEquals("about 10 s left", p.etaProperty().get());
    assertEquals("Training", p.stageProperty().get());
  }

  @Test
  void estimatesAreRoundedForPeople() {
    assertEquals("", TaskProgress.estimate(0.01, 100));
    assertEquals("", TaskProgress.estimate(0.5, 1));
    assertEquals("about 5 s left", TaskProgress.estimate(0.9, 10));
    assertEquals("about 10 min left", TaskProgress.estimate(0.5, 600));
    assertEquals("about 2.0 h left", TaskProgress.estimate(0.5, 7200));
  }
}

package org.databoost.autopilot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.databoost.boost.BoostReport;

/**
 * What a run of the autopilot did.
 *
 * @param plan the plan it ran
 * @param planSeconds judging and planning
 * @param steps one per step that was reached, in order
 * @param boost Boost's own report, when step f ran
 * @param totalSeconds planning and every step
 */
public record AutopilotReport(
    AutopilotPlan plan,
    double planSeconds,
    List<StepResult> steps,
    Optional<BoostReport> boost,
    double totalSeconds) {
  public AutopilotReport {
    steps = List.copyOf(steps);
  }

  /** The same report with the planning time counted in. */
  public AutopilotReport withPlanSeconds(double seconds) {
    return new AutopilotReport(plan, seconds, steps, boost, totalSeconds - planSeconds + seconds);
  }

  /** The result of a step, by letter. */
  public StepResult step(char letter) {
    return steps.stream().filter(s -> s.letter() == letter).findFirst().orElseThrow();
  }

  /** Every edit the run made and kept, oldest first. */
  public List<Long> opIds() {
    List<Long> out = new ArrayList<>();
    steps.forEach(s -> out.addAll(s.opIds()));
    return out;
  }
}

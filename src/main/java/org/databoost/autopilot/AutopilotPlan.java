package org.databoost.autopilot;

import java.util.List;
import java.util.Map;
import org.databoost.dataset.Split;

/**
 * What the autopilot will do, computed on a simulated copy of the dataset before anything changes:
 * one {@link PlanStep} per step for the review, and what the steps act on.
 *
 * @param options the settings it was planned with
 * @param steps a..f in order
 * @param remove step a: the images to remove (junk and leaks)
 * @param relabel step b: image → suggested label
 * @param verdicts every verdict of the judge, acted on or not
 * @param judge the verdict source's name
 * @param flips step e: the outcome of the mirror check (empty when flips are off)
 * @param fill step e as planned on the simulated state after a..d
 * @param before train, val and label-book counts before
 * @param after the same after a..e as simulated (Boost adds at most its step's count)
 * @param warnings things the user should know (flips off, budget too small, ...)
 */
public record AutopilotPlan(
    AutopilotOptions options,
    List<PlanStep> steps,
    List<String> remove,
    Map<String, String> relabel,
    List<Verdict> verdicts,
    String judge,
    List<FlipCheck.Outcome> flips,
    FillPlan fill,
    Map<Split, Integer> before,
    Map<Split, Integer> after,
    List<String> warnings) {

  public AutopilotPlan {
    steps = List.copyOf(steps);
    remove = List.copyOf(remove);
    relabel = Map.copyOf(relabel);
    verdicts = List.copyOf(verdicts);
    flips = List.copyOf(flips);
    before = Map.copyOf(before);
    after = Map.copyOf(after);
    warnings = List.copyOf(warnings);
  }

  public PlanStep step(char letter) {
    return steps.stream().filter(s -> s.letter() == letter).findFirst().orElseThrow();
  }
}

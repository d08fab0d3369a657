package org.databoost.autopilot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.databoost.dataset.Split;

/** The plan and the report as plain text, for the terminal and the benchmark. */
public final class PlanText {
  private PlanText() {}

  public static List<String> plan(AutopilotPlan plan) {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "Autopilot plan (judge: %s; budget %,d train + val; seed %d)",
            plan.judge(),
            plan.options().budget(),
            plan.options().seed()));
    out.add(
        String.format(
            Locale.ROOT,
            "Now: train %,d, val %,d, label book %,d. After a..e: train %,d, val %,d, label book %,d.",
            plan.before().get(Split.TRAIN),
            plan.before().get(Split.VAL),
            plan.before().get(Split.LABEL_BOOK),
            plan.after().get(Split.TRAIN),
            plan.after().get(Split.VAL),
            plan.after().get(Split.LABEL_BOOK)));
    for (PlanStep s : plan.steps()) {
      out.add("");
      out.add(s.heading() + (s.enabled() ? "" : "  [off]"));
      for (String line : s.summary().split("\n")) {
        out.add("   " + line);
      }
      for (PlanStep.Example e : s.examples()) {
        out.add("     " + e.path() + (e.note().isEmpty() ? "" : "  " + e.note()));
      }
    }
    for (String w : plan.warnings()) {
      out.add("");
      out.add("Note: " + w);
    }
    return out;
  }

  public static List<String> report(AutopilotReport r) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "%-45s %8s %9s  %s", "Step", "Images", "Seconds", "Edit"));
    for (StepResult s : r.steps()) {
      out.add(
          String.format(
              Locale.ROOT,
              "%-45s %8s %9.1f  %s",
              s.letter() + ". " + s.title(),
              s.ran() ? String.format(Locale.ROOT, "%,d", s.changed()) : "-",
              s.seconds(),
              s.ran() ? ops(s.opIds()) + " — " + s.note() : s.note()));
    }
    out.add(
        String.format(
            Locale.ROOT,
            "Planning %.1f s, steps %.1f s, %.1f s in all.",
            r.planSeconds(),
            r.totalSeconds() - r.planSeconds(),
            r.totalSeconds()));
    return out;
  }

  /** "1 image goes" or "1,234 images go": a count with the words that agree with it. */
  static String counted(int n, String one, String many) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
  }

  private static String ops(List<Long> ids) {
    if (ids.isEmpty()) {
      return "no edit kept";
    }
    List<String> parts = new ArrayList<>();
    ids.forEach(i -> parts.add("#" + i));
    return "edit " + String.join(", ", parts);
  }
}

package org.databoost.autopilot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.databoost.autopilot.DatasetState.Item;
import org.databoost.dataset.Split;
import org.junit.jupiter.api.Test;

/** Re-split and fill planned on in-memory states. */
class StepArithmeticTest {
  private static DatasetState state(int trainPerLabel, int valPerLabel, String... labels) {
    List<Item> items = new ArrayList<>();
    for (String l : labels) {
      for (int i = 0; i < trainPerLabel + valPerLabel; i++) {
        Split s = i < trainPerLabel ? Split.TRAIN : Split.VAL;
        String name = l + "-" + i + ".png";
        items.add(new Item(s.folder() + "/" + l + "/" + name, s, l, "h" + l + i, name));
      }
    }
    return new DatasetState(items);
  }

  @Test
  void theResplitGivesEveryLabelItsValShareAndIsSeeded() {
    DatasetState s = state(30, 70, "i", "ii");
    Map<String, Split> moves = Resplitter.targets(s, 0.15, false, 7);
    DatasetState after = s.moved(moves);
    for (String l : List.of("i", "ii")) {
      long val = after.in(Split.VAL).stream().filter(x -> x.label().equals(l)).count();
      assertEquals(15, val, "15% of 100");
    }
    assertEquals(moves, Resplitter.targets(s, 0.15, false, 7), "same seed, same split");
    assertTrue(!moves.equals(Resplitter.targets(s, 0.15, false, 8)), "another seed, another split");
    assertEquals(1, Resplitter.valCount(2, 0.01), "a label with two images keeps one in val");
    assertEquals(0, Resplitter.valCount(1, 0.5));
  }

  @Test
  void theFillBalancesTheClassesUpToItsShareOfTheBudget() {
    DatasetState s = state(10, 5, "i", "ii", "iv");
    s = s.without(List.of("train/ii/ii-0.png", "train/ii/ii-1.png"));
    FillPlan plan = FillPlan.of(s, List.of("i", "ii", "iv"), 200, 0.9, List.of(), 3);
    assertEquals(180, plan.target());
    assertEquals((180 - 15) / 3, plan.perClass());
    assertEquals(Map.of("i", 45, "ii", 47, "iv", 45), plan.added());
    assertEquals(15 + 3 * 55, s.trainVal() + plan.items().size());
    assertTrue(plan.items().stream().allMatch(i -> i.source().label().equals(i.label())));
    assertEquals(
        plan.items(), FillPlan.of(s, List.of("i", "ii", "iv"), 200, 0.9, List.of(), 3).items());
  }

  @Test
  void aVerifiedMirrorFeedsTheClassItMapsTo() {
    DatasetState s = state(4, 1, "iv", "vi");
    List<FlipCheck.Outcome> flips =
        List.of(new FlipCheck.Outcome("iv", Flip.LEFT_RIGHT, 10, "vi", 0.9, 0.9, true));
    FillPlan plan = FillPlan.of(s, List.of("iv", "vi"), 100, 1.0, flips, 3);
    List<FillPlan.FillItem> toVi =
        plan.items().stream().filter(i -> i.label().equals("vi")).toList();
    assertTrue(
        toVi.stream()
            .anyMatch(i -> i.flip() == Flip.LEFT_RIGHT && i.source().label().equals("iv")));
    assertTrue(
        plan.items().stream()
            .filter(i -> i.label().equals("iv"))
            .allMatch(i -> i.flip() == Flip.NONE));
  }

  @Test
  void aBudgetBelowTheDatasetPlansNothing() {
    DatasetState s = state(10, 5, "i", "ii");
    FillPlan plan = FillPlan.of(s, List.of("i", "ii"), 25, 1.0, List.of(), 3);
    assertTrue(plan.items().isEmpty());
    assertTrue(plan.message().contains("30 images the dataset already holds"), plan.message());
  }

  @Test
  void theRemovalReviewShowsEveryKindInTurnNotOnlyTheCopies() {
    List<Verdict> removed = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      removed.add(
          new Verdict("val/i/copy" + i + ".png", Verdict.Kind.LEAK, Optional.empty(), 1, ""));
    }
    removed.add(new Verdict("train/v/a.png", Verdict.Kind.LABEL_ERROR, Optional.of("x"), 0.3, ""));
    removed.add(new Verdict("train/v/b.png", Verdict.Kind.LABEL_ERROR, Optional.of("x"), 0.45, ""));
    List<Verdict> shown = AutopilotPlanner.kindsInTurn(removed);
    assertEquals(removed.size(), shown.size());
    assertEquals(
        List.of(Verdict.Kind.LEAK, Verdict.Kind.LABEL_ERROR, Verdict.Kind.LEAK),
        shown.subList(0, 3).stream().map(Verdict::kind).toList());
    assertEquals("train/v/b.png", shown.get(1).path(), "the most confident of its kind first");
    assertEquals("train/v/a.png", shown.get(3).path());
  }

  @Test
  void theNormaliseReviewShowsOneImageOfEachLabelInTurn() {
    List<Item> items = new ArrayList<>();
    for (String label : List.of("i", "i", "i", "ii", "v", "v")) {
      items.add(new Item("train/" + label + "/" + items.size(), Split.TRAIN, label, "h", "n"));
    }
    assertEquals(
        List.of("i", "ii", "v", "i"),
        AutopilotPlanner.labelsInTurn(items, 4).stream().map(Item::label).toList());
    assertEquals(6, AutopilotPlanner.labelsInTurn(items, 12).size());
  }
}

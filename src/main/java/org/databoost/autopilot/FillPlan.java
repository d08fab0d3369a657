package org.databoost.autopilot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.databoost.autopilot.DatasetState.Item;
import org.databoost.dataset.Split;

/**
 * Step e's arithmetic: how many augmented images each class gets so that the train classes are
 * balanced and train + val reaches the fill's share of the budget, and which source image and
 * mirror each one comes from. Sources of class c are its own training images and, for every mirror
 * verified to turn class s into c, the mirrored training images of s.
 *
 * @param target train + val the fill aims at
 * @param perClass train images per class aimed at
 * @param before train images per class before the fill
 * @param items one per image to add, in order
 * @param message why nothing is added, when nothing is
 */
public record FillPlan(
    int target, int perClass, Map<String, Integer> before, List<FillItem> items, String message) {

  /** One image to render: a source, its mirror, an augmentation seed, and the class it joins. */
  public record FillItem(String label, Item source, Flip flip, long seed, int index) {
    /** The new file's name, unique per class. */
    public String fileName() {
      String stem = source.name().replaceFirst("\\.[^.]*$", "");
      return String.format(Locale.ROOT, "fill-%05d-%s.png", index, stem);
    }
  }

  /** Plans the fill; an empty plan with a message when the budget leaves no room. */
  static FillPlan of(
      DatasetState state,
      List<String> labels,
      int budget,
      double share,
      List<FlipCheck.Outcome> flips,
      long seed) {
    int target = (int) Math.floor(budget * share);
    Map<String, List<Item>> train = new LinkedHashMap<>();
    for (String l : labels) {
      train.put(l, new ArrayList<>());
    }
    for (Item i : state.in(Split.TRAIN)) {
      train.computeIfAbsent(i.label(), l -> new ArrayList<>()).add(i);
    }
    Map<String, Integer> before = new LinkedHashMap<>();
    train.forEach((l, list) -> before.put(l, list.size()));
    int now = state.trainVal();
    if (target <= now) {
      String m =
          String.format(
              Locale.ROOT,
              "the fill's target of %,d train + val images (%.0f%% of the budget of %,d) is not"
                  + " above the %,d images the dataset already holds, so nothing is added",
              target,
              share * 100,
              budget,
              now);
      return new FillPlan(target, 0, before, List.of(), m);
    }
    int perClass = (target - state.count(Split.VAL)) / Math.max(1, train.size());
    List<FillItem> items = new ArrayList<>();
    for (String label : train.keySet()) {
      int missing = perClass - before.get(label);
      List<Source> sources = sources(label, train, flips);
      if (missing <= 0 || sources.isEmpty()) {
        continue;
      }
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + label.hashCode());
      for (int i = sources.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Source t = sources.get(i);
        sources.set(i, sources.get(j));
        sources.set(j, t);
      }
      for (int j = 0; j < missing; j++) {
        Source s = sources.get(j % sources.size());
        items.add(new FillItem(label, s.item(), s.flip(), random.nextLong(), j));
      }
    }
    return new FillPlan(target, perClass, before, List.copyOf(items), "");
  }

  private record Source(Item item, Flip flip) {}

  private static List<Source> sources(
      String label, Map<String, List<Item>> train, List<FlipCheck.Outcome> flips) {
    List<Source> out = new ArrayList<>();
    for (Item i : sorted(train.get(label))) {
      out.add(new Source(i, Flip.NONE));
    }
    for (FlipCheck.Outcome o : FlipCheck.into(flips, label)) {
      for (Item i : sorted(train.getOrDefault(o.source(), List.of()))) {
        out.add(new Source(i, o.flip()));
      }
    }
    return out;
  }

  private static List<Item> sorted(List<Item> items) {
    List<Item> out = new ArrayList<>(items);
    out.sort(Resplitter.ORDER);
    return out;
  }

  /** Images to add per class. */
  public Map<String, Integer> added() {
    Map<String, Integer> out = new LinkedHashMap<>();
    before.keySet().forEach(l -> out.put(l, 0));
    for (FillItem i : items) {
      out.merge(i.label(), 1, Integer::sum);
    }
    return out;
  }

  /** Images to add from mirrored sources. */
  public int mirrored() {
    return (int) items.stream().filter(i -> i.flip() != Flip.NONE).count();
  }
}

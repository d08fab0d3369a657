package org.databoost.autopilot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.databoost.autopilot.DatasetState.Item;
import org.databoost.dataset.Split;

/**
 * Step d: pool train and val (and the label book when asked), and split each label again at random
 * (seeded) with the chosen val share. Images are ordered by file name (then split) before the
 * shuffle — names survive every earlier step, contents do not (normalisation) — so the plan
 * computed on a simulated state moves the same images as the step run on disk.
 */
final class Resplitter {
  /** The order before the shuffle: by what earlier steps keep. */
  static final Comparator<Item> ORDER =
      Comparator.comparing(Item::name).thenComparing(Item::split).thenComparing(Item::hash);

  private Resplitter() {}

  /** Where each image that changes split goes. */
  static Map<String, Split> targets(
      DatasetState state, double valShare, boolean poolLabelBook, long seed) {
    Map<String, List<Item>> byLabel = new TreeMap<>();
    for (Item i : state.items()) {
      boolean pooled =
          i.split() == Split.TRAIN
              || i.split() == Split.VAL
              || (poolLabelBook && i.split() == Split.LABEL_BOOK);
      if (pooled) {
        byLabel.computeIfAbsent(i.label(), l -> new ArrayList<>()).add(i);
      }
    }
    Map<String, Split> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Item>> e : byLabel.entrySet()) {
      List<Item> all = new ArrayList<>(e.getValue());
      all.sort(ORDER);
      SplittableRandom random = new SplittableRandom(seed * 31 + e.getKey().hashCode());
      for (int i = all.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Item t = all.get(i);
        all.set(i, all.get(j));
        all.set(j, t);
      }
      int val = valCount(all.size(), valShare);
      for (int i = 0; i < all.size(); i++) {
        Split want = i < val ? Split.VAL : Split.TRAIN;
        if (all.get(i).split() != want) {
          out.put(all.get(i).path(), want);
        }
      }
    }
    return out;
  }

  /** Each label's val images: its share, rounded, and at least one where there are two or more. */
  static int valCount(int n, double share) {
    if (n < 2) {
      return 0;
    }
    return Math.max(1, Math.min(n - 1, (int) Math.round(n * share)));
  }
}

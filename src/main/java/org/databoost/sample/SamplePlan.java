package org.databoost.sample;

import java.util.ArrayList;
import java.util.List;
import org.databoost.dataset.Split;

/**
 * Decides, before any pixel is drawn, what every image of a sample will be: where it goes, what it
 * shows, and under which seed it is drawn. Everything follows from the spec's seed.
 */
final class SamplePlan {
  /** The splits a sample holds, in the order they are generated. */
  static final List<Split> SPLITS = List.of(Split.TRAIN, Split.VAL, Split.LABEL_BOOK);

  /**
   * One image to draw.
   *
   * @param trueLabel the numeral to draw; ignored for junk
   * @param junk what to draw instead of a numeral, or null
   * @param seed seed of the image's own random stream
   */
  record Slot(
      Split split,
      String label,
      int index,
      String trueLabel,
      SampleKind kind,
      JunkKind junk,
      long seed,
      String fileName) {

    String relativePath() {
      return split.folder() + "/" + label + "/" + fileName;
    }
  }

  private static final long PLAN_STREAM = 0x504C414EL;
  private static final long NAME_STREAM = 0x4E414D45L;

  private SamplePlan() {}

  static List<Slot> of(SampleSpec spec) {
    List<Slot> slots = new ArrayList<>();
    for (Split split : SPLITS) {
      int perLabel = perLabel(spec, split);
      for (int l = 0; l < SampleLabels.ALL.size(); l++) {
        String label = SampleLabels.ALL.get(l);
        for (int i = 0; i < perLabel; i++) {
          long seed = Dice.mix(spec.seed(), split.ordinal(), l, i);
          long name = Dice.mix(spec.seed(), NAME_STREAM, split.ordinal(), l, i);
          String fileName = String.format("%016x.png", name);
          slots.add(new Slot(split, label, i, label, SampleKind.CLEAN, null, seed, fileName));
        }
      }
    }
    Dice dice = new Dice(Dice.mix(spec.seed(), PLAN_STREAM));
    List<Integer> train = shuffledIndices(slots, Split.TRAIN, dice);
    int junkOffset = dice.nextInt(JunkKind.values().length);
    int next = 0;
    for (int j = 0; j < spec.junkCount(); j++, next++) {
      JunkKind kind = JunkKind.values()[(junkOffset + j) % JunkKind.values().length];
      int at = train.get(next);
      Slot s = slots.get(at);
      slots.set(
          at,
          new Slot(
              s.split(),
              s.label(),
              s.index(),
              SampleTruth.JUNK_LABEL,
              SampleKind.JUNK,
              kind,
              s.seed(),
              s.fileName()));
    }
    mislabel(slots, train.subList(next, next + spec.trainMislabelCount()), dice);
    List<Integer> val = shuffledIndices(slots, Split.VAL, dice);
    mislabel(slots, val.subList(0, Math.min(val.size(), spec.valMislabelCount())), dice);
    return slots;
  }

  static int perLabel(SampleSpec spec, Split split) {
    return switch (split) {
      case TRAIN -> spec.trainPerLabel();
      case VAL -> spec.valPerLabel();
      case LABEL_BOOK -> spec.labelBookPerLabel();
      case TEST -> 0;
    };
  }

  /** The slot keeps its folder; what is drawn becomes a numeral someone would confuse with it. */
  private static void mislabel(List<Slot> slots, List<Integer> at, Dice dice) {
    for (int i : at) {
      Slot s = slots.get(i);
      String drawn =
          dice.chance(0.85)
              ? dice.pick(SampleLabels.confusableWith(s.label()))
              : otherLabel(s.label(), dice);
      slots.set(
          i,
          new Slot(
              s.split(),
              s.label(),
              s.index(),
              drawn,
              SampleKind.MISLABELED,
              null,
              s.seed(),
              s.fileName()));
    }
  }

  private static String otherLabel(String label, Dice dice) {
    String other;
    do {
      other = dice.pick(SampleLabels.ALL);
    } while (other.equals(label));
    return other;
  }

  private static List<Integer> shuffledIndices(List<Slot> slots, Split split, Dice dice) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i).split() == split) {
        out.add(i);
      }
    }
    for (int i = out.size() - 1; i > 0; i--) {
      int j = dice.nextInt(i + 1);
      Integer tmp = out.get(i);
      out.set(i, out.get(j));
      out.set(j, tmp);
    }
    return out;
  }
}

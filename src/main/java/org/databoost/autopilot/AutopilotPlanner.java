package org.databoost.autopilot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.databoost.autopilot.DatasetState.Item;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.task.Progress;

/**
 * Computes the plan: judges the images, then runs steps a..e on a simulated copy of the dataset, so
 * that the review shows each step's counts and examples before anything changes on disk.
 */
final class AutopilotPlanner {
  static final int EXAMPLES = 12;
  private static final String NORMALISE = "Normalise: crop to the ink, pad to square";

  private final VerdictSource verdicts;

  AutopilotPlanner(VerdictSource verdicts) {
    this.verdicts = verdicts;
  }

  AutopilotPlan plan(DatasetScan scan, Path stateDir, AutopilotOptions o, Progress progress)
      throws IOException {
    List<String> labels = scan.labels();
    List<String> warnings = new ArrayList<>();
    DatasetState start = DatasetState.of(scan);
    List<Verdict> judged =
        o.clean() || o.relabel() ? verdicts.judge(scan, stateDir, progress) : List.of();
    List<PlanStep> steps = new ArrayList<>();

    // A label the judge finds wrong without a clear better one is removed with the junk: hand
    // curations removed about 10% of this data as junk, and the judge rarely calls junk by itself.
    List<Verdict> removed =
        judged.stream()
            .filter(
                v -> v.kind() != Verdict.Kind.LABEL_ERROR || v.confidence() < o.relabelConfidence())
            .toList();
    List<String> remove = o.clean() ? removed.stream().map(Verdict::path).toList() : List.of();
    steps.add(removeStep(o.clean(), removed));
    DatasetState s1 = start.without(remove);

    List<Verdict> errors =
        judged.stream().filter(v -> v.kind() == Verdict.Kind.LABEL_ERROR).toList();
    List<Verdict> confident =
        errors.stream().filter(v -> v.confidence() >= o.relabelConfidence()).toList();
    Map<String, String> relabel = new LinkedHashMap<>();
    if (o.relabel()) {
      confident.forEach(v -> relabel.put(v.path(), v.suggestion().orElseThrow()));
    }
    steps.add(relabelStep(o, errors, confident));
    DatasetState s2 = s1.relabelled(relabel);

    steps.add(normaliseStep(scan, o, normalised(s2, o.poolLabelBook() && o.resplit()), progress));

    Map<String, Split> moves =
        o.resplit() ? Resplitter.targets(s2, o.valShare(), o.poolLabelBook(), o.seed()) : Map.of();
    DatasetState s3 = s2.moved(moves);
    steps.add(resplitStep(o, s2, s3, moves));

    List<FlipCheck.Outcome> flips = List.of();
    if (o.fill() && o.flips()) {
      if (FlipCheck.romanNumerals(labels)) {
        flips = FlipChecker.check(scan, remove, relabel, o.training(), progress);
      } else {
        warnings.add(
            "The labels are not the Roman numerals i..x, so the fill uses no class-specific"
                + " mirrors, only generic transforms.");
      }
    }
    FillPlan fill = FillPlan.of(s3, labels, o.budget(), o.effectiveFillShare(), flips, o.seed());
    if (o.fill() && !fill.message().isEmpty()) {
      warnings.add("Fill: " + fill.message() + ".");
    }
    steps.add(fillStep(o, fill, flips));
    DatasetState s4 = o.fill() ? s3.plus(fillItems(fill)) : s3;

    int room = Math.max(0, o.budget() - s4.trainVal());
    steps.add(
        step(
            'f',
            "Boost the remaining errors",
            o.boost(),
            room,
            room == 0
                ? "nothing is left of the budget of " + o.budget() + " for Boost"
                : String.format(
                    Locale.ROOT,
                    "up to %d rounds: train (%s preset), add the %d nearest of %,d augmented"
                        + " candidates per validation error, keep a round only if validation"
                        + " accuracy rises; at most %,d images (what is left of the budget)",
                    o.boostRounds(),
                    o.training().preset(),
                    o.boostK(),
                    o.boostCandidates(),
                    room),
            List.of()));
    if (o.boost() && room == 0) {
      warnings.add("Boost: nothing is left of the budget of " + o.budget() + ".");
    }
    DatasetState last = s4;
    return new AutopilotPlan(
        o,
        steps,
        remove,
        relabel,
        judged,
        verdicts.name(),
        flips,
        fill,
        counts(start),
        counts(last),
        warnings);
  }

  private static PlanStep removeStep(boolean on, List<Verdict> removed) {
    long junk = removed.stream().filter(v -> v.kind() == Verdict.Kind.JUNK).count();
    long doubtful = removed.stream().filter(v -> v.kind() == Verdict.Kind.LABEL_ERROR).count();
    List<Verdict> shown = kindsInTurn(removed);
    return step(
        'a',
        "Remove junk and leaks",
        on,
        removed.size(),
        String.format(
            Locale.ROOT,
            "%s to the trash: %,d judged no class, %,d judged mislabelled with no"
                + " clear better label, %,d copies of another image",
            PlanText.counted(removed.size(), "image goes", "images go"),
            junk,
            doubtful,
            removed.size() - junk - doubtful),
        examples(shown));
  }

  /**
   * The verdicts with their kinds in turn (junk, copy, doubtful label, junk, ...), each kind most
   * confident first: the review's few examples show every kind, not only the copies, which all have
   * confidence 1 and would fill them.
   */
  static List<Verdict> kindsInTurn(List<Verdict> verdicts) {
    Map<Verdict.Kind, ArrayDeque<Verdict>> byKind = new EnumMap<>(Verdict.Kind.class);
    verdicts.stream()
        .sorted(Comparator.comparingDouble(Verdict::confidence).reversed())
        .forEach(v -> byKind.computeIfAbsent(v.kind(), k -> new ArrayDeque<>()).add(v));
    List<Verdict> out = new ArrayList<>();
    while (out.size() < verdicts.size()) {
      for (ArrayDeque<Verdict> d : byKind.values()) {
        if (!d.isEmpty()) {
          out.add(d.poll());
        }
      }
    }
    return out;
  }

  /**
   * Step c: the images it gives a new version, read to find those with ink (the others it leaves
   * alone, so the count is what runs), with the first few crops shown as they will be.
   */
  private static PlanStep normaliseStep(
      DatasetScan scan, AutopilotOptions o, List<Item> candidates, Progress progress) {
    String how =
        String.format(
            Locale.ROOT,
            "cropped to their ink with a %.0f%% margin and padded to a square (the originals go to"
                + " the trash; undo puts them back)",
            o.margin() * 100);
    if (!o.normalise()) {
      return step(
          'c', NORMALISE, false, 0, "Off: images would get a new version " + how, List.of());
    }
    Map<String, ImageEntry> byHash = new HashMap<>();
    scan.images().forEach(e -> byHash.putIfAbsent(e.hash(), e));
    List<ImageEntry> files = candidates.stream().map(i -> byHash.get(i.hash())).toList();
    Set<String> inked = Normaliser.withInk(scan.root(), files, o.margin(), progress);
    List<Item> changed = candidates.stream().filter(i -> inked.contains(i.hash())).toList();
    int blank = candidates.size() - changed.size();
    List<PlanStep.Example> ex = new ArrayList<>();
    for (Item i : labelsInTurn(changed, EXAMPLES)) {
      byte[] crop = Normaliser.preview(scan.root(), byHash.get(i.hash()), o.margin());
      ex.add(new PlanStep.Example(i.path(), "as it will be", crop));
    }
    return step(
        'c',
        NORMALISE,
        true,
        changed.size(),
        PlanText.counted(changed.size(), "image gets", "images get")
            + " a new version "
            + how
            + (blank == 0
                ? ""
                : String.format(
                    Locale.ROOT,
                    "; %s",
                    PlanText.counted(
                        blank,
                        "image without ink is left as it is",
                        "images without ink are left" + " as they are"))),
        ex);
  }

  /** Up to {@code n} items, one of each label in turn, so the examples show every label. */
  static List<Item> labelsInTurn(List<Item> items, int n) {
    Map<String, ArrayDeque<Item>> byLabel = new TreeMap<>();
    items.forEach(i -> byLabel.computeIfAbsent(i.label(), k -> new ArrayDeque<>()).add(i));
    List<Item> out = new ArrayList<>();
    while (out.size() < Math.min(n, items.size())) {
      for (ArrayDeque<Item> d : byLabel.values()) {
        if (!d.isEmpty() && out.size() < n) {
          out.add(d.poll());
        }
      }
    }
    return out;
  }

  private static PlanStep relabelStep(
      AutopilotOptions o, List<Verdict> errors, List<Verdict> confident) {
    List<Verdict> shown = new ArrayList<>(confident);
    shown.sort(Comparator.comparingDouble(Verdict::confidence).reversed());
    return step(
        'b',
        "Relabel confident label errors",
        o.relabel(),
        confident.size(),
        String.format(
            Locale.ROOT,
            "%s the suggested label (the judge gives it at least %.2f;"
                + " %,d less clear ones are %s)",
            PlanText.counted(
                confident.size(), "likely label error gets", "likely label errors get"),
            o.relabelConfidence(),
            errors.size() - confident.size(),
            o.clean() ? "removed in step a" : "left as they are"),
        examples(shown));
  }

  private static PlanStep resplitStep(
      AutopilotOptions o, DatasetState before, DatasetState after, Map<String, Split> moves) {
    List<PlanStep.Example> ex = new ArrayList<>();
    for (Map.Entry<String, Split> m : moves.entrySet()) {
      if (ex.size() < EXAMPLES) {
        ex.add(new PlanStep.Example(m.getKey(), "to " + m.getValue()));
      }
    }
    return step(
        'd',
        "Re-split train and val",
        o.resplit(),
        moves.size(),
        String.format(
            Locale.ROOT,
            "train and val%s pooled and split again per label, %.0f%% to val: train %,d -> %,d,"
                + " val %,d -> %,d; %s",
            o.poolLabelBook() ? " and the label book" : "",
            o.valShare() * 100,
            before.count(Split.TRAIN),
            after.count(Split.TRAIN),
            before.count(Split.VAL),
            after.count(Split.VAL),
            PlanText.counted(moves.size(), "image moves", "images move")),
        ex);
  }

  private static PlanStep fillStep(
      AutopilotOptions o, FillPlan fill, List<FlipCheck.Outcome> flips) {
    StringBuilder sb = new StringBuilder();
    if (fill.items().isEmpty()) {
      sb.append(fill.message().isEmpty() ? "every class is full already" : fill.message());
    } else {
      sb.append(
          String.format(
              Locale.ROOT,
              "%,d augmented images (%,d of them mirrored) bring each class to about %,d training"
                  + " images, train + val to %,d: ",
              fill.items().size(),
              fill.mirrored(),
              fill.perClass(),
              fill.target()));
      List<String> per = new ArrayList<>();
      fill.added().forEach((l, n) -> per.add(l + " +" + n));
      sb.append(String.join(", ", per));
    }
    List<String> kept =
        flips.stream().filter(FlipCheck.Outcome::kept).map(FlipCheck.Outcome::describe).toList();
    if (!flips.isEmpty()) {
      sb.append("\nmirrors checked on the data, kept: ")
          .append(kept.isEmpty() ? "none" : String.join("; ", kept));
    }
    List<PlanStep.Example> ex = new ArrayList<>();
    for (FillPlan.FillItem i : fill.items()) {
      if (ex.size() < EXAMPLES && (ex.size() % 2 == 0 || i.flip() != Flip.NONE)) {
        ex.add(
            new PlanStep.Example(
                i.source().path(),
                "-> train/" + i.label() + (i.flip() == Flip.NONE ? "" : ", mirrored " + i.flip())));
      }
    }
    return step(
        'e', "Fill the budget with augmentation", o.fill(), fill.items().size(), sb.toString(), ex);
  }

  private static List<PlanStep.Example> examples(List<Verdict> verdicts) {
    return verdicts.stream()
        .limit(EXAMPLES)
        .map(v -> new PlanStep.Example(v.path(), v.reason()))
        .toList();
  }

  private static PlanStep step(
      char letter,
      String title,
      boolean on,
      int count,
      String summary,
      List<PlanStep.Example> examples) {
    return new PlanStep(letter, title, on, on ? count : 0, summary, examples);
  }

  /** The images step c gives new versions: train and val, and the label book when it is pooled. */
  static List<Item> normalised(DatasetState state, boolean labelBook) {
    return state.items().stream()
        .filter(
            i ->
                i.split() == Split.TRAIN
                    || i.split() == Split.VAL
                    || (labelBook && i.split() == Split.LABEL_BOOK))
        .toList();
  }

  private static List<Item> fillItems(FillPlan fill) {
    return fill.items().stream()
        .map(
            i ->
                new Item(
                    "train/" + i.label() + "/" + i.fileName(),
                    Split.TRAIN,
                    i.label(),
                    "fill",
                    i.fileName()))
        .toList();
  }

  private static Map<Split, Integer> counts(DatasetState s) {
    Map<Split, Integer> out = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      out.put(split, s.count(split));
    }
    return out;
  }
}

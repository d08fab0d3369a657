package org.databoost.autopilot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.databoost.task.Progress;

/**
 * Which mirror keeps which class, checked on the data rather than assumed: a judge trained only on
 * unmirrored images classifies mirrored copies of each class's held-out images. A mirror of class s
 * is kept as an image of class t when the judge reads the unmirrored images of s well (at least
 * {@value #MIN_OWN}), and calls at least {@value #MIN_SHARE} of the mirrored ones t and at least
 * {@value #RATIO} times as many as it calls the unmirrored ones s. Where the judge reads a class
 * poorly the check is inconclusive and the mirror is not used: on the real data a quick judge read
 * viii at 0.57 and upside-down viii at 0.62, which says nothing. Off for labels that are not Roman
 * numerals.
 */
public final class FlipCheck {
  static final double MIN_OWN = 0.7;
  static final double MIN_SHARE = 0.6;
  static final double RATIO = 0.85;

  /** Labels for which class-specific mirrors are considered at all. */
  private static final Set<String> ROMAN =
      Set.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");

  /**
   * The outcome for one class and mirror.
   *
   * @param source the class mirrored
   * @param flip the mirror
   * @param images how many images of the class were mirrored
   * @param target the class the judge reads most often in the mirrored images
   * @param share how often it reads {@code target}
   * @param unflipped how often it reads {@code source} in the same images unmirrored
   * @param kept whether mirrored images of {@code source} become images of {@code target}
   */
  public record Outcome(
      String source,
      Flip flip,
      int images,
      String target,
      double share,
      double unflipped,
      boolean kept) {
    public String describe() {
      return String.format(
          Locale.ROOT,
          "%s %s -> %s %.2f (unmirrored %.2f)%s",
          source,
          flip,
          target,
          share,
          unflipped,
          kept ? " kept" : "");
    }
  }

  private FlipCheck() {}

  /** Whether every label is a Roman numeral i..x (any case). */
  public static boolean romanNumerals(List<String> labels) {
    return !labels.isEmpty()
        && labels.stream().allMatch(l -> ROMAN.contains(l.toLowerCase(Locale.ROOT)));
  }

  /**
   * Checks every mirror of every class.
   *
   * @param labels the class names, by index
   * @param samples per class index, held-out images of that class
   * @param judge the class index the judge gives each image
   */
  public static List<Outcome> check(
      List<String> labels,
      List<List<BufferedImage>> samples,
      Function<List<BufferedImage>, int[]> judge,
      Progress progress) {
    List<Outcome> out = new ArrayList<>();
    for (int s = 0; s < labels.size(); s++) {
      progress.checkCancelled();
      progress.update("Checking which mirrors keep which class", s, labels.size());
      List<BufferedImage> images = samples.get(s);
      if (images.isEmpty()) {
        continue;
      }
      Map<Flip, double[]> shares = new EnumMap<>(Flip.class);
      for (Flip f : Flip.values()) {
        List<BufferedImage> mirrored = new ArrayList<>();
        for (BufferedImage image : images) {
          mirrored.add(f == Flip.NONE ? image : f.apply(image));
        }
        double[] share = new double[labels.size()];
        for (int c : judge.apply(mirrored)) {
          share[c] += 1.0 / mirrored.size();
        }
        shares.put(f, share);
      }
      double unflipped = shares.get(Flip.NONE)[s];
      for (Flip f : List.of(Flip.LEFT_RIGHT, Flip.TOP_BOTTOM, Flip.BOTH)) {
        double[] share = shares.get(f);
        int target = argmax(share);
        boolean kept =
            unflipped >= MIN_OWN
                && share[target] >= MIN_SHARE
                && share[target] >= RATIO * unflipped;
        out.add(
            new Outcome(
                labels.get(s),
                f,
                images.size(),
                labels.get(target),
                share[target],
                unflipped,
                kept));
      }
    }
    return out;
  }

  /** The kept mirrors whose mirrored images become images of {@code target}. */
  public static List<Outcome> into(List<Outcome> outcomes, String target) {
    return outcomes.stream().filter(o -> o.kept() && o.target().equals(target)).toList();
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}

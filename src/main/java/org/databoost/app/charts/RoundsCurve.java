package org.databoost.app.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.databoost.boost.RoundReport;

/**
 * Accuracy over the Boost rounds: point 0 is before the first round, point r after round r (an
 * undone round keeps the accuracy it started from, since the dataset went back).
 *
 * @param valAccuracy validation accuracy at each point
 * @param labelBook label-book accuracy at each point; empty when the dataset has none
 * @param randomVal validation accuracy with as many random candidates, from round 1 on; NaN where
 *     the round had no ablation
 * @param tried validation accuracy each round reached before it was kept or undone, from round 1
 */
public record RoundsCurve(
    List<Double> valAccuracy, List<Double> labelBook, List<Double> randomVal, List<Double> tried) {
  public static RoundsCurve of(List<RoundReport> rounds) {
    List<Double> val = new ArrayList<>();
    List<Double> book = new ArrayList<>();
    List<Double> random = new ArrayList<>();
    List<Double> tried = new ArrayList<>();
    if (rounds.isEmpty()) {
      return new RoundsCurve(val, book, random, tried);
    }
    RoundReport first = rounds.get(0);
    val.add(first.valBefore());
    boolean hasBook = first.labelBookBefore().isPresent();
    if (hasBook) {
      book.add(first.labelBookBefore().getAsDouble());
    }
    for (RoundReport r : rounds) {
      val.add(r.kept() ? r.valAfter() : r.valBefore());
      if (hasBook) {
        OptionalDouble b = r.kept() ? r.labelBookAfter() : r.labelBookBefore();
        book.add(b.orElse(Double.NaN));
      }
      random.add(r.randomValAfter().orElse(Double.NaN));
      tried.add(r.valAfter());
    }
    return new RoundsCurve(
        List.copyOf(val), List.copyOf(book), List.copyOf(random), List.copyOf(tried));
  }

  public boolean isEmpty() {
    return valAccuracy.isEmpty();
  }
}

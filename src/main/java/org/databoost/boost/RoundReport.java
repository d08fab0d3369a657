package org.databoost.boost;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one Boost round did and changed.
 *
 * @param round 1-based round number
 * @param errorsBefore misclassified validation images the round started from
 * @param errorsServed of those, how many got at least one candidate
 * @param added candidates written into train/
 * @param opId the journal operation that added them (undo reverts the whole round)
 * @param kept false when the round was undone because it brought no gain
 * @param valBefore validation accuracy before the round
 * @param valAfter validation accuracy after retraining with the added images
 * @param labelBookBefore label-book accuracy before, when the dataset has a label book
 * @param labelBookAfter label-book accuracy after
 * @param randomValAfter validation accuracy with as many random candidates instead (the ablation)
 * @param randomLabelBookAfter label-book accuracy of the ablation
 * @param perClass validation accuracy per class, before and after
 * @param fixed validation images wrong before and right after
 * @param appeared validation images right before and wrong after
 * @param runId the catalog run of the retrained model
 * @param randomRunId the catalog run of the ablation's model
 * @param seconds wall seconds per stage: retrieve, render, write, train, random (ablation)
 * @param dropped candidates dropped as duplicates of training images / of each other / used
 */
public record RoundReport(
    int round,
    int errorsBefore,
    int errorsServed,
    int added,
    long opId,
    boolean kept,
    double valBefore,
    double valAfter,
    OptionalDouble labelBookBefore,
    OptionalDouble labelBookAfter,
    OptionalDouble randomValAfter,
    OptionalDouble randomLabelBookAfter,
    List<ClassChange> perClass,
    List<String> fixed,
    List<String> appeared,
    long runId,
    OptionalLong randomRunId,
    StageSeconds seconds,
    int[] dropped) {

  /** Validation accuracy of one class before and after. */
  public record ClassChange(String label, int images, double before, double after) {}

  /** Wall seconds per stage of a round. */
  public record StageSeconds(
      double retrieve, double render, double write, double train, double random) {}

  public double gain() {
    return valAfter - valBefore;
  }
}

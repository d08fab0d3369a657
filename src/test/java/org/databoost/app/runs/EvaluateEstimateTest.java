package org.databoost.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.databoost.training.TrainingConfig;
import org.junit.jupiter.api.Test;

/**
 * The Evaluate dialog's estimate against the runs docs/training.md measured on the competition data
 * (quick preset, 5 folds, 2,067 training images): 651 s with one job, 405 s with two. The first
 * estimate said about 3 and 6 minutes for them, half the time they took.
 */
class EvaluateEstimateTest {
  private static final int TRAIN = 2_067;

  @Test
  void theQuickPresetIsEstimatedWithinATenthOfTheMeasuredRuns() {
    TrainingConfig five = TrainingConfig.quick().withFolds(5).withThreads(1);
    double oneJob = EvaluateEstimate.seconds(five.withJobs(1), TRAIN, OptionalDouble.empty());
    double twoJobs = EvaluateEstimate.seconds(five.withJobs(2), TRAIN, OptionalDouble.empty());
    assertEquals(651, oneJob, 65, "one job: " + oneJob);
    assertEquals(405, twoJobs, 41, "two jobs: " + twoJobs);
    assertEquals("about 11 min", EvaluateEstimate.words(oneJob));
  }

  @Test
  void moreFoldsAndFewerModelsAtOnceTakeLongerAndAMeasuredPaceIsUsed() {
    TrainingConfig quick = TrainingConfig.quick().withThreads(1);
    double three = EvaluateEstimate.seconds(quick.withFolds(3).withJobs(2), TRAIN, none());
    double five = EvaluateEstimate.seconds(quick.withFolds(5).withJobs(2), TRAIN, none());
    double noFolds = EvaluateEstimate.seconds(quick.withFolds(0).withJobs(1), TRAIN, none());
    assertTrue(noFolds < three && three < five, noFolds + " < " + three + " < " + five);
    double slow =
        EvaluateEstimate.seconds(quick.withFolds(3).withJobs(2), TRAIN, OptionalDouble.of(0.0046));
    assertTrue(slow > 1.8 * three - 60, "twice the pace, about twice the training: " + slow);
  }

  @Test
  void thePaceOfARunIsItsMeanEpochSecondsPerImage() {
    List<String> epochs =
        List.of("epoch,loss,val_accuracy,seconds", "1,2.0,0.3,4.0", "2,1.5,0.4,6.0");
    assertEquals(5.0 / 1_000, EvaluateEstimate.pace(epochs, 1_000).getAsDouble(), 1e-12);
    assertTrue(EvaluateEstimate.pace(List.of("epoch,loss"), 1_000).isEmpty());
  }

  private static OptionalDouble none() {
    return OptionalDouble.empty();
  }
}

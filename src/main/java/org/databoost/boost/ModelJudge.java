package org.databoost.boost;

import java.nio.file.Path;
import java.util.List;
import org.databoost.task.Progress;

/** A model as the second judge of an unlabelled corpus image's label, beside the k-NN vote. */
interface ModelJudge {
  /** The labels the probabilities' columns stand for, in order. */
  List<String> labels();

  /**
   * Class probabilities of each file, in order; a null row where the judge cannot say (a file it
   * cannot read).
   */
  float[][] probabilities(List<Path> files, Progress progress);
}

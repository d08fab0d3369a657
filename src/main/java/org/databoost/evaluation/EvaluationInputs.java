package org.databoost.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.ImageEntry;
import org.databoost.dataset.Split;
import org.databoost.training.EvaluationInput;
import org.databoost.training.LabelledImage;

/** Turns a scanned dataset into the model's input: usable images per split with label indexes. */
public final class EvaluationInputs {
  private EvaluationInputs() {}

  public static EvaluationInput of(DatasetScan scan) {
    List<String> labels = scan.labels();
    Map<Split, List<LabelledImage>> bySplit = new EnumMap<>(Split.class);
    for (Split s : Split.values()) {
      bySplit.put(s, new ArrayList<>());
    }
    for (ImageEntry e : scan.images()) {
      bySplit
          .get(e.split())
          .add(
              new LabelledImage(
                  e.displayPath(),
                  scan.root().resolve(e.relativePath()),
                  labels.indexOf(e.label())));
    }
    return new EvaluationInput(
        labels,
        bySplit.get(Split.TRAIN),
        bySplit.get(Split.VAL),
        bySplit.get(Split.TEST),
        bySplit.get(Split.LABEL_BOOK));
  }
}

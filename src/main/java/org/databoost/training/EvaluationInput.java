package org.databoost.training;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.Split;

/**
 * What an evaluation runs on: the ordered label names and the labelled images of each split.
 * Training uses {@code train} and selects its epoch on {@code val}; {@code test} and {@code
 * labelBook} are only predicted. Any list but {@code train} may be empty.
 */
public record EvaluationInput(
    List<String> labels,
    List<LabelledImage> train,
    List<LabelledImage> val,
    List<LabelledImage> test,
    List<LabelledImage> labelBook) {

  public EvaluationInput {
    labels = List.copyOf(labels);
    train = List.copyOf(train);
    val = List.copyOf(val);
    test = List.copyOf(test);
    labelBook = List.copyOf(labelBook);
    if (labels.size() < 2) {
      throw new IllegalArgumentException("at least two labels are needed, got " + labels);
    }
    if (train.isEmpty()) {
      throw new IllegalArgumentException("there are no training images");
    }
    for (List<LabelledImage> split : List.of(train, val, test, labelBook)) {
      for (LabelledImage image : split) {
        if (image.labelIndex() >= labels.size()) {
          throw new IllegalArgumentException(
              image.id() + " has label index " + image.labelIndex() + " of " + labels.size());
        }
      }
    }
  }

  /** The splits in display order, each with its images. */
  public Map<Split, List<LabelledImage>> bySplit() {
    Map<Split, List<LabelledImage>> map = new EnumMap<>(Split.class);
    map.put(Split.TRAIN, train);
    map.put(Split.VAL, val);
    map.put(Split.TEST, test);
    map.put(Split.LABEL_BOOK, labelBook);
    return map;
  }
}

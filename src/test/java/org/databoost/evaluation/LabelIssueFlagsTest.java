package org.databoost.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.Split;
import org.databoost.training.ImagePrediction;
import org.junit.jupiter.api.Test;

class LabelIssueFlagsTest {
  private static ImagePrediction prediction(String id, Split split, int given, float[] probs) {
    int best = 0;
    for (int i = 1; i < probs.length; i++) {
      best = probs[i] > probs[best] ? i : best;
    }
    return new ImagePrediction(
        id, split, given, best, probs, (float) -Math.log(probs[given]), -1, false);
  }

  private static float[] peaked(int k, int at, float p) {
    float[] out = new float[k];
    Arrays.fill(out, (1 - p) / (k - 1));
    out[at] = p;
    return out;
  }

  @Test
  void aConfidentModelFlagsTheWrongLabelAndSuggestsTheRightOne() {
    List<ImagePrediction> preds = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int c = i % 3;
      preds.add(prediction("train/" + i, Split.TRAIN, c, peaked(3, c, 0.9f)));
    }
    // Given label 0, but the model is sure it is a 2.
    preds.add(prediction("train/wrong", Split.TRAIN, 0, peaked(3, 2, 0.95f)));
    // Label-book images are references: never flagged.
    preds.add(prediction("label_book/x", Split.LABEL_BOOK, 1, peaked(3, 0, 0.95f)));
    Map<String, LabelIssueFlags.Flag> flags = LabelIssueFlags.find(preds);
    assertEquals(LabelIssueFlags.LABEL_ERROR, flags.get("train/wrong").issue());
    assertEquals(2, flags.get("train/wrong").suggested());
    assertEquals("", flags.get("train/0").issue());
    assertTrue(!flags.containsKey("label_book/x"));
  }

  @Test
  void theModelsShareIsTheMixtureUnderWhichTheGivenLabelsAreMostLikely() {
    int[] given = new int[40];
    float[][] sure = new float[40][];
    float[][] unsure = new float[40][];
    for (int i = 0; i < 40; i++) {
      given[i] = i % 4;
      sure[i] = peaked(4, given[i], 0.9f);
      unsure[i] = peaked(4, given[i], 0.3f);
    }
    assertEquals(0.0, LabelIssueFlags.modelShare(unsure, sure, given));
    assertEquals(1.0, LabelIssueFlags.modelShare(sure, unsure, given));
    // Each right where the other is wrong, half the time each: an even mix.
    float[][] a = new float[40][];
    float[][] b = new float[40][];
    for (int i = 0; i < 40; i++) {
      boolean first = i % 2 == 0;
      a[i] = peaked(4, first ? given[i] : (given[i] + 1) % 4, 0.9f);
      b[i] = peaked(4, first ? (given[i] + 1) % 4 : given[i], 0.9f);
    }
    assertEquals(0.5, LabelIssueFlags.modelShare(a, b, given), 1e-9);
    assertEquals(0.5, LabelIssueFlags.modelShare(new float[0][], new float[0][], new int[0]));
  }

  @Test
  void inSampleRowsAreLeftOutOfTheFitWhileOutOfSampleOnesExist() {
    List<ImagePrediction> preds = new ArrayList<>();
    Map<String, float[]> judge = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      int c = i % 4;
      // training images predicted by the model that learned them: it is always sure and right
      preds.add(
          new ImagePrediction(
              "train/" + i, Split.TRAIN, c, c, peaked(4, c, 0.99f), 0.01f, -1, true));
      judge.put("train/" + i, peaked(4, c, 0.6f));
      // validation images: the judge knows them better than the model
      preds.add(prediction("val/" + i, Split.VAL, c, peaked(4, c, 0.3f)));
      judge.put("val/" + i, peaked(4, c, 0.9f));
    }
    assertEquals(0.0, LabelIssueFlags.modelShare(preds, judge));
    // without any out-of-sample row, the in-sample ones are all there is to fit on
    List<ImagePrediction> trainOnly = preds.stream().filter(p -> p.split() == Split.TRAIN).toList();
    assertEquals(1.0, LabelIssueFlags.modelShare(trainOnly, judge));
  }

  @Test
  void aModelAtChanceFlagsNothing() {
    List<ImagePrediction> preds = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      // Always predicts class 0 over ten classes: 10% accuracy, like an untrained model.
      preds.add(prediction("train/" + i, Split.TRAIN, i % 10, peaked(10, 0, 0.3f)));
    }
    assertTrue(LabelIssueFlags.find(preds).isEmpty());
  }

  @Test
  void aSecondJudgeThatDisagreesWithTheLabelTurnsItIntoAFlag() {
    List<ImagePrediction> preds = new ArrayList<>();
    Map<String, float[]> judge = new HashMap<>();
    for (int i = 0; i < 60; i++) {
      int c = i % 3;
      preds.add(prediction("train/" + i, Split.TRAIN, c, peaked(3, c, 0.6f)));
      judge.put("train/" + i, peaked(3, c, 0.8f));
    }
    // The model half learned the wrong label (it trained on it); the independent judge is sure it
    // is a 1.
    preds.add(prediction("train/memorised", Split.TRAIN, 0, new float[] {0.5f, 0.45f, 0.05f}));
    judge.put("train/memorised", peaked(3, 1, 0.98f));
    assertTrue(
        !LabelIssueFlags.LABEL_ERROR.equals(
            LabelIssueFlags.find(preds).get("train/memorised").issue()),
        "the model alone does not call it a label error");
    LabelIssueFlags.Flag blended = LabelIssueFlags.find(preds, judge).get("train/memorised");
    assertEquals(LabelIssueFlags.LABEL_ERROR, blended.issue());
    assertEquals(1, blended.suggested());
    assertTrue(
        !LabelIssueFlags.LABEL_ERROR.equals(
            LabelIssueFlags.find(preds, judge).get("train/7").issue()),
        "an image both judges agree on is not a label error");
  }
}

package org.databoost.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.databoost.dataset.Split;
import org.databoost.embedding.StrokeCount;
import org.databoost.evaluation.DataVerdicts.Kind;
import org.databoost.imaging.InkStatistics;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;

/** Each verdict on a small world of clustered vectors where the truth is known. */
class DataVerdictsTest {
  private static final int DIM = 16;
  private static final int CLASSES = 4;
  private static final int JUNK_AXIS = 15;

  /**
   * 402 images of 4 classes (train, then val); 15 train labels are flipped (7, 27, ...), 9 is junk,
   * 401 leaks 3.
   */
  private static final class World {
    final int n = 402;
    final String[] paths = new String[n];
    final Split[] splits = new Split[n];
    final String[] hashes = new String[n];
    final int[] given = new int[n];
    final int[] truth = new int[n];
    final float[][] vectors = new float[n][];
    final InkStatistics[] ink = new InkStatistics[n];
    final float[][] junk = new float[60][];
    int[] strokes; // none counted unless a test sets them
    List<String> labels = List.of("ab", "cd", "ef", "gh");

    World() {
      Random r = new Random(3);
      for (int i = 0; i < n; i++) {
        truth[i] = i % CLASSES;
        given[i] = truth[i];
        splits[i] = i < 300 ? Split.TRAIN : Split.VAL;
        paths[i] = splits[i].folder() + "/" + given[i] + "/" + String.format("%03d.png", i);
        hashes[i] = "h" + i;
        vectors[i] = around(truth[i], r);
        ink[i] = new InkStatistics(0.05, 0.5, 0.7);
      }
      for (int i = 7; i < 300; i += 20) {
        given[i] = (truth[i] + 2) % CLASSES; // flipped labels, 7 among them
      }
      vectors[9] = around(JUNK_AXIS, r); // a drawing like the known junk
      // Image 401 (val) is byte-identical to image 3 (train).
      hashes[401] = hashes[3];
      vectors[401] = vectors[3].clone();
      given[401] = given[3];
      for (int j = 0; j < junk.length; j++) {
        junk[j] = around(JUNK_AXIS, r);
      }
    }

    static float[] around(int axis, Random r) {
      float[] v = new float[DIM];
      for (int d = 0; d < DIM; d++) {
        v[d] = (float) (0.25 * r.nextGaussian());
      }
      v[axis] += 1f;
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      for (int d = 0; d < DIM; d++) {
        v[d] /= (float) Math.sqrt(norm);
      }
      return v;
    }

    DataVerdicts.Input input(float[][] model) {
      return input(model, null, null);
    }

    DataVerdicts.Input input(
        float[][] model,
        java.util.function.Function<int[], float[][]> mirrored,
        double[] networkJunk) {
      return new DataVerdicts.Input(
          paths,
          splits,
          hashes,
          given,
          labels,
          vectors,
          ink,
          junk,
          model,
          new boolean[n],
          mirrored,
          networkJunk,
          strokes);
    }
  }

  @Test
  void
      aLabelErrorBetweenNumeralsThatDifferInTheirStrokesIsDroppedWhenTheStrokesCountedAreTheGivens() {
    // Classes i, ii, iii, iv. The world's flips are iv filed as ii (not one family of strokes);
    // more flips here: i filed as iii and iii as i (one family).
    World w = new World();
    w.labels = List.of("i", "ii", "iii", "iv");
    List<Integer> flips = new java.util.ArrayList<>();
    for (int i = 12; i < 300; i += 40) {
      w.given[i] = 2; // truly 0
      w.given[i + 2] = 0; // truly 2
      flips.add(i);
      flips.add(i + 2);
    }
    for (int i = 7; i < 300; i += 20) {
      flips.add(i);
    }
    w.strokes = new int[w.n];
    for (int i = 0; i < w.n; i++) {
      w.strokes[i] = new int[] {1, 2, 3, 3}[w.given[i]]; // counted as labelled
    }
    DataVerdicts.Verdict[] asLabelled =
        DataVerdicts.judge(w.input(null), true, 1, Progress.NONE).verdicts();
    for (int i = 0; i < w.n; i++) {
      w.strokes[i] = new int[] {1, 2, 3, 3}[w.truth[i]]; // counted as drawn
    }
    DataVerdicts.Verdict[] asDrawn =
        DataVerdicts.judge(w.input(null), true, 1, Progress.NONE).verdicts();
    int withinFamily = 0;
    int found = 0;
    int across = 0;
    for (int i : flips) {
      if (w.truth[i] % 2 == 0) {
        withinFamily++;
        if (asDrawn[i].kind() == Kind.LABEL_ERROR) {
          found++;
          String counted = "strokes " + (w.truth[i] + 1) + " ✓"; // i: 1, iii: 3
          assertTrue(asDrawn[i].judges().contains(counted), asDrawn[i].judges());
        }
        assertEquals(Kind.NONE, asLabelled[i].kind(), "strokes of the given label, image " + i);
      } else {
        across++;
        assertEquals(asDrawn[i].kind(), asLabelled[i].kind(), "ii and iv: no count, image " + i);
      }
    }
    assertTrue(found >= withinFamily - 2, found + " of " + withinFamily + " found as drawn");
    assertTrue(withinFamily > 3 && across > 3, withinFamily + " / " + across);
  }

  @Test
  void strokesDecideOnlyWithinAFamilyOfNumeralsAndOnlyForTheGivenCount() {
    World w = new World();
    w.labels = List.of("I", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");
    w.strokes = new int[w.n];
    w.given[0] = 6; // vii
    w.strokes[0] = 4;
    DataVerdicts.Input in = w.input(null);
    assertTrue(StrokeVerdicts.sayGiven(in, 0, 7), "vii counted 4, not viii");
    assertFalse(StrokeVerdicts.sayGiven(in, 0, 2), "vii and iii: two families");
    assertFalse(StrokeVerdicts.sayGiven(in, 0, 8), "ix has no count");
    w.strokes[0] = 5;
    assertFalse(StrokeVerdicts.sayGiven(w.input(null), 0, 7), "counted as viii: no");
    w.given[0] = 1; // ii
    w.strokes[0] = 2;
    assertTrue(StrokeVerdicts.sayGiven(w.input(null), 0, 0), "ii counted 2, not I");
    w.strokes[0] = StrokeCount.UNKNOWN;
    assertFalse(StrokeVerdicts.sayGiven(w.input(null), 0, 0), "not counted");
    w.strokes = null;
    assertFalse(StrokeVerdicts.sayGiven(w.input(null), 0, 0), "none counted");
  }

  @Test
  void flippedLabelsAreLabelErrorsWithTheTrueLabelSuggestedAndTheirJudgesNamed() {
    World w = new World();
    DataVerdicts.Verdict[] all =
        DataVerdicts.judge(w.input(null), true, 1, Progress.NONE).verdicts();
    int found = 0;
    for (int i = 7; i < 300; i += 20) {
      DataVerdicts.Verdict v = all[i];
      if (v.kind() == Kind.LABEL_ERROR) {
        found++;
        assertEquals(w.truth[i], v.suggested());
        assertTrue(v.quality() < 0.5, "quality " + v.quality());
        assertTrue(v.judges().contains("k-NN") && v.judges().contains("probe"), v.judges());
      }
    }
    assertTrue(found >= 12, found + " of 15 flips found");
  }

  @Test
  void
      aDrawingTheJudgesGiveToAnotherClassByAWideMarginIsALabelErrorThoughConfidentLearningMissesIt() {
    World w = new World();
    int i = 11; // train, truly class 3; drawn between classes 2 and 3, labelled 0
    float[] v = new float[DIM];
    v[2] = 0.8f;
    v[3] = 0.6f;
    w.vectors[i] = v;
    w.given[i] = 0;
    DataVerdicts.Result r = DataVerdicts.judge(w.input(null), true, 1, Progress.NONE);
    float[] row = r.rows()[i];
    assertFalse(
        new org.databoost.analysis.LabelIssueFinder()
            .find(r.rows(), w.given)
            .images()
            .get(i)
            .labelError(),
        "confident learning flags it itself: the test would show nothing");
    assertTrue(row[2] - row[0] >= DataVerdicts.WIDE_MARGIN, Arrays.toString(row));
    assertEquals(Kind.LABEL_ERROR, r.verdicts()[i].kind());
    assertEquals(2, r.verdicts()[i].suggested());
    assertEquals(row[0], r.verdicts()[i].quality(), 1e-6);
  }

  @Test
  void noCleanImageIsFlaggedAndNoSuggestionIsTheGivenLabel() {
    World w = new World();
    DataVerdicts.Verdict[] v = DataVerdicts.judge(w.input(null), true, 1, Progress.NONE).verdicts();
    for (int i = 0; i < v.length; i++) {
      if (v[i].kind() == Kind.LABEL_ERROR) {
        assertNotEquals(w.given[i], v[i].suggested(), "image " + i);
      }
      if (i % 20 != 7 && i != 9 && i != 401) {
        assertEquals(Kind.NONE, v[i].kind(), "image " + i + ": " + v[i]);
      }
    }
  }

  @Test
  void aDrawingLikeTheKnownJunkIsJunkWithDeleteAndNoLabel() {
    World w = new World();
    DataVerdicts.Verdict v =
        DataVerdicts.judge(w.input(null), true, 1, Progress.NONE).verdicts()[9];
    assertEquals(Kind.JUNK, v.kind());
    assertEquals(-1, v.suggested());
    assertTrue(v.judges().startsWith("junk judge"), v.judges());
  }

  @Test
  void aDrawingTheNetworkCallsJunkIsJunkUnlessItsNeighboursShareItsLabel() {
    World w = new World();
    double[] network = new double[w.n];
    // 13 (given b) sits among the c's: no neighbour shares its label; 17 sits among its own class.
    w.vectors[13] = World.around(3, new Random(13));
    network[13] = 0.99;
    network[17] = 0.99;
    DataVerdicts.Input plain = w.input(null);
    DataVerdicts.Input in = w.input(null, null, network);
    DataVerdicts.Verdict[] withNetwork = DataVerdicts.judge(in, true, 1, Progress.NONE).verdicts();
    DataVerdicts.Verdict[] without = DataVerdicts.judge(plain, true, 1, Progress.NONE).verdicts();
    assertNotEquals(Kind.JUNK, without[13].kind(), "the probe alone does not call it junk");
    assertEquals(Kind.JUNK, withNetwork[13].kind());
    assertEquals(-1, withNetwork[13].suggested());
    assertTrue(withNetwork[13].judges().contains("network 0.99"), withNetwork[13].judges());
    assertEquals(Kind.NONE, withNetwork[17].kind(), "a numeral among its own class is kept");
  }

  @Test
  void aLabelErrorTheNetworkTakesForJunkBelowItsOwnThresholdIsJunkAndDeleteIsSuggested() {
    World w = new World();
    double[] network = new double[w.n];
    // 13 (given b) sits among the c's, a label error; 17 sits among its own class. Both get a
    // network junk score between the threshold for label errors (0.8) and its own (0.9).
    w.vectors[13] = World.around(3, new Random(13));
    network[13] = 0.86;
    network[17] = 0.86;
    DataVerdicts.Verdict[] without =
        DataVerdicts.judge(w.input(null), true, 1, Progress.NONE).verdicts();
    DataVerdicts.Verdict[] with =
        DataVerdicts.judge(w.input(null, null, network), true, 1, Progress.NONE).verdicts();
    assertEquals(Kind.LABEL_ERROR, without[13].kind(), "the judges doubt its label");
    assertEquals(Kind.JUNK, with[13].kind(), with[13].judges());
    assertEquals(-1, with[13].suggested(), "delete, not a numeral");
    assertTrue(with[13].judges().contains("no label fits"), with[13].judges());
    assertEquals(Kind.NONE, with[17].kind(), "a numeral whose label the judges accept is kept");
  }

  @Test
  void aBlankPageIsJunkByItsInk() {
    World w = new World();
    w.ink[20] = new InkStatistics(0, 0, 0);
    w.ink[21] = new InkStatistics(0.0004, 0.03, 0.04);
    DataVerdicts.Verdict[] v = DataVerdicts.judge(w.input(null), true, 1, Progress.NONE).verdicts();
    assertEquals(Kind.JUNK, v[20].kind());
    assertEquals(Kind.JUNK, v[21].kind());
    assertEquals(Kind.NONE, v[22].kind());
  }

  @Test
  void aPageOfDustIsJunkByItsInkAndADustyPageWithAStrokeIsLeftToTheLabelJudges() {
    World w = new World();
    w.ink[24] = new InkStatistics(0.004, 1, 1, 400, 0.03);
    w.ink[9] = new InkStatistics(0.05, 1, 1, 400, 0.4); // junk-like, but on a dusty page
    DataVerdicts.Verdict[] v = DataVerdicts.judge(w.input(null), true, 1, Progress.NONE).verdicts();
    assertEquals(Kind.JUNK, v[24].kind());
    assertEquals("ink: only dust", v[24].judges());
    assertNotEquals(Kind.JUNK, v[9].kind(), v[9].toString());
  }

  @Test
  void theValCopyOfATrainImageIsALeakThatKeepsTheTrainCopy() {
    World w = new World();
    DataVerdicts.Verdict[] v = DataVerdicts.judge(w.input(null), true, 1, Progress.NONE).verdicts();
    assertEquals(Kind.LEAK, v[401].kind());
    assertTrue(v[401].judges().contains("keep"), v[401].judges());
    assertTrue(v[401].judges().contains(w.paths[3]), v[401].judges());
    assertEquals(Kind.NONE, v[3].kind());
  }

  @Test
  void aNearIdenticalDrawingInTheSameSplitIsADuplicate() {
    World w = new World();
    w.vectors[40] = w.vectors[44].clone(); // same class (0), another file
    DataVerdicts.Verdict[] v = DataVerdicts.judge(w.input(null), true, 1, Progress.NONE).verdicts();
    assertEquals(Kind.DUPLICATE, v[44].kind());
    assertEquals(Kind.NONE, v[40].kind());
    assertTrue(v[44].judges().startsWith("the same drawing as " + w.paths[40]), v[44].judges());
  }

  @Test
  void aDrawingThatReadsAsItsLabelOnlyWhenMirroredIsMirrored() {
    World w = new World();
    Random r = new Random(8);
    // As drawn it reads as no class surely ("xi" for ix): halfway between a, b and c.
    float[] between = new float[DIM];
    between[0] = between[1] = between[2] = (float) Math.sqrt(1 / 3.0);
    w.vectors[11] = between;
    float[] mirror = World.around(w.given[11], r); // mirrored it is its own class
    DataVerdicts.Input in =
        w.input(
            null,
            ids -> {
              float[][] out = new float[ids.length][];
              for (int c = 0; c < ids.length; c++) {
                // symmetric drawings read the same mirrored
                out[c] = ids[c] == 11 ? mirror : w.vectors[ids[c]];
              }
              return out;
            },
            null);
    DataVerdicts.Result res = DataVerdicts.judge(in, true, 1, Progress.NONE);
    DataVerdicts.Verdict[] v = res.verdicts();
    assertEquals(Kind.MIRRORED, v[11].kind(), v[11].toString());
    assertEquals(-1, v[11].suggested());
    assertTrue(v[11].judges().startsWith("mirrored it reads as gh "), v[11].judges());
    assertEquals(Kind.LABEL_ERROR, v[27].kind(), "a plain flip stays a label error");
    assertEquals(1, Arrays.stream(v).filter(x -> x.kind() == Kind.MIRRORED).count());
  }

  @Test
  void aModelNoBetterThanChanceFlagsNoLabelErrorsAndSaysWhy() {
    World w = new World();
    float[][] chance = new float[w.n][CLASSES];
    for (float[] row : chance) {
      Arrays.fill(row, 0.25f);
    }
    DataVerdicts.Result r = DataVerdicts.judge(w.input(chance), false, 1, Progress.NONE);
    assertFalse(Arrays.stream(r.verdicts()).anyMatch(v -> v.kind() == Kind.LABEL_ERROR));
    assertTrue(r.message().contains("no better than chance"), r.message());
    assertEquals(Kind.LEAK, r.verdicts()[401].kind(), "leaks do not need a model");
  }

  @Test
  void withAModelTheModelIsOneOfTheJudges() {
    World w = new World();
    float[][] model = new float[w.n][];
    for (int i = 0; i < w.n; i++) {
      model[i] = new float[CLASSES];
      Arrays.fill(model[i], 0.1f);
      model[i][w.truth[i]] = 0.7f;
    }
    DataVerdicts.Verdict v =
        DataVerdicts.judge(w.input(model), true, 1, Progress.NONE).verdicts()[27];
    assertEquals(Kind.LABEL_ERROR, v.kind());
    assertEquals(w.truth[27], v.suggested());
    assertTrue(v.judges().contains("model"), v.judges());
  }
}

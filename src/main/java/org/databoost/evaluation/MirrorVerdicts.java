package org.databoost.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.databoost.analysis.ClassRows;
import org.databoost.evaluation.DataVerdicts.Input;
import org.databoost.evaluation.DataVerdicts.Kind;
import org.databoost.evaluation.DataVerdicts.Verdict;
import org.databoost.task.Progress;

/** {@link DataVerdicts}' mirrored and out-of-set numerals, read again mirrored left to right. */
final class MirrorVerdicts {
  private MirrorVerdicts() {}

  /**
   * A mirror image reads as its given label at least this surely (k-NN vote) while the drawing
   * itself reads as no class this surely: a mirrored numeral, or one out of the set ("xi" for ix).
   */
  static final double MIRROR_READS = 0.5;

  /**
   * Only drawings that read as their given label less surely than this are mirrored to check, and
   * the mirror must read so at least {@link #MIRROR_GAIN} more surely: a symmetric drawing (i, v,
   * x, viii) reads the same either way and never counts as mirrored.
   */
  static final double MIRROR_GIVEN_AS_DRAWN = 0.3;

  static final double MIRROR_GAIN = 0.25;

  /**
   * Label errors and junk (by the junk judge) that read as their given label once mirrored, while
   * as drawn they read as no class surely, become "mirrored": a mirrored "iv", an "xi" filed as ix,
   * a backwards "vii". A drawing that reads surely as another class stays a label error (a "vi"
   * filed as iv is indistinguishable from a mirrored iv; the label is the better guess then).
   */
  static void mark(
      Input in, EmbeddingJudge.Rows rows, Verdict[] out, double[] pJunk, Progress progress) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      boolean open =
          out[i].kind() == Kind.NONE
              || out[i].kind() == Kind.LABEL_ERROR
              || (out[i].kind() == Kind.JUNK && out[i].judges().startsWith("junk judge"));
      float[] drawn = rows.knn()[i];
      String label = in.labels().get(in.given()[i]);
      boolean symmetric = new StringBuilder(label).reverse().toString().equals(label);
      if (open && !symmetric && drawn[in.given()[i]] < MIRROR_GIVEN_AS_DRAWN) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    progress.update("Reading mirrored drawings", 0, -1);
    int[] ids = candidates.stream().mapToInt(Integer::intValue).toArray();
    float[][] mirrored = in.mirrored().apply(ids);
    for (int c = 0; c < ids.length; c++) {
      int i = ids[c];
      if (mirrored[c] == null) {
        continue;
      }
      float[] vote = vote(mirrored[c], in.vectors(), in.given(), in.labels().size(), i);
      int g = in.given()[i];
      float[] drawn = rows.knn()[i];
      if (ClassRows.argmax(vote) == g
          && vote[g] >= MIRROR_READS
          && drawn[ClassRows.argmax(drawn)] < MIRROR_READS
          && vote[g] >= drawn[g] + MIRROR_GAIN) {
        out[i] =
            new Verdict(
                Kind.MIRRORED,
                -1,
                drawn[g],
                String.format(
                    Locale.ROOT,
                    "mirrored it reads as %s %.2f; as drawn as no class surely (%s %.2f) · junk %.2f",
                    in.labels().get(g),
                    vote[g],
                    in.labels().get(ClassRows.argmax(drawn)),
                    drawn[ClassRows.argmax(drawn)],
                    pJunk[i]));
      }
    }
  }

  /** The k-NN vote of the dataset's images for one vector, the image itself left out. */
  private static float[] vote(float[] v, float[][] vectors, int[] given, int classes, int self) {
    int k = Math.min(EmbeddingJudge.K, vectors.length - 1);
    float[] best = new float[k];
    int[] bestId = new int[k];
    Arrays.fill(best, Float.NEGATIVE_INFINITY);
    Arrays.fill(bestId, -1);
    for (int j = 0; j < vectors.length; j++) {
      if (j == self) {
        continue;
      }
      float s = 0;
      for (int d = 0; d < v.length; d++) {
        s += v[d] * vectors[j][d];
      }
      if (k > 0 && s > best[k - 1]) {
        int pos = k - 1;
        while (pos > 0 && best[pos - 1] < s) {
          best[pos] = best[pos - 1];
          bestId[pos] = bestId[pos - 1];
          pos--;
        }
        best[pos] = s;
        bestId[pos] = j;
      }
    }
    double[] votes = new double[classes];
    Arrays.fill(votes, EmbeddingJudge.SMOOTHING);
    for (int r = 0; r < k; r++) {
      if (bestId[r] >= 0 && best[r] > 0) {
        votes[given[bestId[r]]] += best[r];
      }
    }
    double total = Arrays.stream(votes).sum();
    float[] row = new float[classes];
    for (int c = 0; c < classes; c++) {
      row[c] = (float) (votes[c] / total);
    }
    return row;
  }
}

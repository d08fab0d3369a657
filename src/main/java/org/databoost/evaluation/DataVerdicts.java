package org.databoost.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.databoost.analysis.ClassRows;
import org.databoost.analysis.ImageVerdict;
import org.databoost.analysis.LabelIssueFinder;
import org.databoost.analysis.LabelIssues;
import org.databoost.dataset.Split;
import org.databoost.imaging.InkStatistics;
import org.databoost.neighbors.ExactSearch;
import org.databoost.neighbors.Neighbors;
import org.databoost.neighbors.Vectors;
import org.databoost.task.Progress;

/**
 * Every judge's verdict on the train and val images, in one place: leaks and duplicates (the same
 * bytes, or glyph embeddings at least {@value #NEAR_IDENTICAL} alike), junk (a blank page or a
 * speck or only dust by the ink, or the {@link JunkJudge}'s score), and wrong labels (confident
 * learning on the glyph judge's rows, mixed with the model's where there is a model that learned
 * something). An image gets one verdict, the first that holds in that order. Pure: the caller
 * embeds and decodes.
 */
public final class DataVerdicts {
  /**
   * Cosine similarity of glyph embeddings at which two images can be the same drawing; they are
   * when they are also {@value #NEAR_GAP} more alike than either is to any other drawing ({@link
   * org.databoost.analysis.NearDuplicates#copies}). With {@code glyph-v3} two different
   * single-stroke "i"s of the competition data are 0.992 alike (the next "i" 0.957), while its nine
   * re-encoded copies are 0.983-1.000 alike, at least 0.099 above anything else
   * (docs/similarity.md).
   */
  public static final double NEAR_IDENTICAL = 0.98;

  /** See {@link #NEAR_IDENTICAL}. */
  public static final double NEAR_GAP = 0.05;

  /**
   * Below this blended probability of its given label (half the chance level of ten classes) an
   * image is a label error even where confident learning does not count it as another class's.
   * Chosen on generated samples made for it (seeds 99, 7 and 123), never on the default sample or
   * the images reported (docs/label-errors.md).
   */
  public static final double LOW_SELF_CONFIDENCE = 0.05;

  /**
   * An image whose likeliest class (blended) beats its given label by this much is a label error
   * even where confident learning does not count it. Chosen on the same samples (seeds 99, 7 and
   * 123 with {@code glyph-v3}: 16 more mislabelled images found, 7 clean numerals flagged; at 0.35
   * 9 and 2, at 0.1 19 and 26).
   */
  public static final double WIDE_MARGIN = 0.25;

  /** What is wrong with an image, and the words the table shows. */
  public enum Kind {
    NONE(""),
    LABEL_ERROR("label error"),
    JUNK("not a numeral"),
    LEAK("leak"),
    DUPLICATE("duplicate"),
    MIRRORED("mirrored");

    private final String text;

    Kind(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    /** The kind whose words these are; NONE for anything else. */
    public static Kind ofText(String text) {
      for (Kind k : values()) {
        if (k.text.equals(text)) {
          return k;
        }
      }
      return NONE;
    }
  }

  /**
   * One image's verdict.
   *
   * @param suggested the label to give it (label errors only), else -1
   * @param quality label quality in [0, 1]: the blended probability of the given label (lower =
   *     likelier wrong); for junk one minus the junk probability
   * @param judges which judges decided and how sure they were, one line
   */
  public record Verdict(Kind kind, int suggested, float quality, String judges) {
    public static final Verdict NONE = new Verdict(Kind.NONE, -1, 1f, "");
  }

  /**
   * The images judged.
   *
   * @param paths dataset-relative paths
   * @param splits TRAIN or VAL
   * @param hashes content hashes
   * @param given given label indexes
   * @param labels the label names (K ≥ 2)
   * @param vectors glyph embeddings (L2-normalised)
   * @param ink ink statistics of each image (null entries: unknown)
   * @param junk embeddings of synthetic junk for the {@link JunkJudge}
   * @param model the model's out-of-sample rows (null: no model, or none for that image)
   * @param modelInSample whether a model row was predicted by a model that trained on it
   * @param mirrored the embeddings of the given images mirrored left to right (null: no mirror
   *     check)
   * @param networkJunk the glyph network's own probability that each image is junk (the head it was
   *     trained with; null: none)
   * @param strokes the strokes a level line through the middle of each drawing crosses ({@link
   *     org.databoost.embedding.StrokeCount}; {@code StrokeCount.UNKNOWN} where not measured; null:
   *     none measured)
   */
  public record Input(
      String[] paths,
      Split[] splits,
      String[] hashes,
      int[] given,
      List<String> labels,
      float[][] vectors,
      InkStatistics[] ink,
      float[][] junk,
      float[][] model,
      boolean[] modelInSample,
      Function<int[], float[][]> mirrored,
      double[] networkJunk,
      int[] strokes) {}

  /**
   * The verdicts, with a line for the user about anything that was left out and why.
   *
   * @param rows the rows the labels were judged by (the glyph judge's, mixed with the model's where
   *     there is one); null when no label was judged
   * @param junkProbability each image's probability of junk by the {@link JunkJudge}
   * @param glyph the glyph judge's k-NN and probe rows (null when no label was judged)
   */
  public record Result(
      Verdict[] verdicts,
      float[][] rows,
      double[] junkProbability,
      EmbeddingJudge.Rows glyph,
      double modelShare,
      String message) {}

  private DataVerdicts() {}

  /**
   * Judges every image.
   *
   * @param modelLearned false when a model exists but is no better than chance: then no label
   *     errors are flagged at all
   */
  public static Result judge(Input in, boolean modelLearned, long seed, Progress progress) {
    int n = in.paths().length;
    int k = in.labels().size();
    Verdict[] out = new Verdict[n];
    Arrays.fill(out, Verdict.NONE);
    if (n == 0) {
      return new Result(out, null, new double[0], null, Double.NaN, "");
    }
    progress.update("Looking for leaks and duplicates", 0, -1);
    Neighbors nb =
        ExactSearch.create().searchSelf(Vectors.of(in.vectors()), Math.min(8, n - 1), progress);
    CopyVerdicts.mark(in, nb, out, false);

    // The glyph judge's rows first: the junk score leans on the k-NN's view of the given label.
    EmbeddingJudge.Rows rows = null;
    if (k >= 2) {
      progress.update("Judging every label", 0, -1);
      rows = EmbeddingJudge.judged(in.vectors(), in.given(), k, seed, progress);
    }
    progress.update("Looking for junk", 0, -1);
    double[] pJunk = JunkJudge.probability(in.vectors(), in.given(), k, in.junk(), seed);
    Verdict[] junkIfFlagged = new Verdict[n]; // junk where the judges would call it a label error
    for (int i = 0; i < n; i++) {
      if (out[i].kind() != Kind.NONE) {
        continue;
      }
      InkStatistics s = in.ink() == null ? null : in.ink()[i];
      double knnGiven = rows == null ? 0 : rows.knn()[i][in.given()[i]];
      double score = JunkJudge.score(pJunk[i], knnGiven);
      double network = in.networkJunk() == null ? 0 : in.networkJunk()[i];
      double networkScore = JunkJudge.score(network, knnGiven);
      if (s != null && s.blank()) {
        out[i] = new Verdict(Kind.JUNK, -1, 0f, "ink: a blank page");
      } else if (s != null && s.speck()) {
        out[i] = new Verdict(Kind.JUNK, -1, 0f, "ink: a lone speck");
      } else if (s != null && s.dust()) {
        out[i] = new Verdict(Kind.JUNK, -1, 0f, "ink: only dust");
      } else if ((score >= JunkJudge.THRESHOLD || networkScore >= JunkJudge.NETWORK_THRESHOLD)
          && !(s != null && s.dusty())) {
        String judges = String.format(Locale.ROOT, "junk judge %.2f", pJunk[i]);
        if (in.networkJunk() != null) {
          judges += String.format(Locale.ROOT, " · network %.2f", network);
        }
        if (rows != null) {
          judges +=
              String.format(
                  Locale.ROOT, " · k-NN %s %.2f", in.labels().get(in.given()[i]), knnGiven);
        }
        out[i] = new Verdict(Kind.JUNK, -1, (float) (1 - Math.max(score, networkScore)), judges);
      } else if (networkScore >= JunkJudge.FLAGGED_NETWORK_THRESHOLD && !(s != null && s.dusty())) {
        junkIfFlagged[i] =
            new Verdict(
                Kind.JUNK,
                -1,
                (float) (1 - networkScore),
                String.format(
                    Locale.ROOT,
                    "junk judge %.2f · network %.2f · k-NN %s %.2f · no label fits",
                    pJunk[i],
                    network,
                    in.labels().get(in.given()[i]),
                    knnGiven));
      }
    }

    CopyVerdicts.mark(in, nb, out, true);

    String message = "";
    double share = Double.NaN;
    if (k < 2) {
      return new Result(
          out,
          null,
          pJunk,
          null,
          share,
          "One class only: no label can be wrong, so none is judged.");
    }
    boolean haveModel = in.model() != null;
    if (haveModel && !modelLearned) {
      return new Result(
          out,
          rows.average(),
          pJunk,
          rows,
          share,
          "The model is no better than chance, so its opinion of the labels means nothing and no"
              + " label errors are flagged; junk and leaks still are.");
    }
    float[][] blend = rows.average();
    if (haveModel) {
      share = share(in, rows.average());
      blend = new float[n][];
      for (int i = 0; i < n; i++) {
        float[] m = in.model()[i];
        blend[i] =
            m == null || m.length != k
                ? rows.average()[i]
                : ClassRows.weightedAverage(m, share, rows.average()[i], 1 - share);
      }
    }
    LabelIssues issues = new LabelIssueFinder().find(blend, in.given());
    for (ImageVerdict v : issues.images()) {
      int i = v.index();
      if (out[i].kind() != Kind.NONE || !v.labelError()) {
        continue;
      }
      int suggested = v.suggestedLabel();
      if (suggested == in.given()[i]) {
        suggested = secondBest(blend[i], in.given()[i]);
      }
      if (StrokeVerdicts.sayGiven(in, i, suggested)) {
        continue;
      }
      if (junkIfFlagged[i] != null) {
        out[i] = junkIfFlagged[i];
        continue;
      }
      out[i] =
          new Verdict(
              Kind.LABEL_ERROR,
              suggested,
              (float) v.qualityScore(),
              judges(in, rows, i, suggested, share, pJunk[i]));
    }
    // Confident learning counts an image as another class's only where that class's probability
    // reaches the class's mean, and flags only as many of a pair of classes as it counted. A
    // drawing that the judges read as another class by a wide margin, or that they give almost no
    // chance of its given label, can be counted nowhere and so never flagged. Those are flagged
    // here.
    for (int i = 0; i < n; i++) {
      int g = in.given()[i];
      int best = ClassRows.argmax(blend[i]);
      boolean outvoted = blend[i][best] - blend[i][g] >= WIDE_MARGIN;
      if (out[i].kind() == Kind.NONE
          && best != g
          && (blend[i][g] < LOW_SELF_CONFIDENCE || outvoted)
          && !StrokeVerdicts.sayGiven(in, i, best)) {
        out[i] =
            junkIfFlagged[i] != null
                ? junkIfFlagged[i]
                : new Verdict(
                    Kind.LABEL_ERROR,
                    best,
                    blend[i][g],
                    judges(in, rows, i, best, share, pJunk[i]));
      }
    }
    if (in.mirrored() != null) {
      MirrorVerdicts.mark(in, rows, out, pJunk, progress);
    }
    return new Result(out, blend, pJunk, rows, share, message);
  }

  private static double share(Input in, float[][] judge) {
    List<float[]> m = new ArrayList<>();
    List<float[]> j = new ArrayList<>();
    List<Integer> g = new ArrayList<>();
    boolean anyOut = false;
    for (int i = 0; i < in.paths().length; i++) {
      anyOut |= in.model()[i] != null && !in.modelInSample()[i];
    }
    for (int i = 0; i < in.paths().length; i++) {
      if (in.model()[i] != null && !(anyOut && in.modelInSample()[i])) {
        m.add(in.model()[i]);
        j.add(judge[i]);
        g.add(in.given()[i]);
      }
    }
    return LabelIssueFlags.modelShare(
        m.toArray(float[][]::new),
        j.toArray(float[][]::new),
        g.stream().mapToInt(Integer::intValue).toArray());
  }

  private static int secondBest(float[] row, int not) {
    int best = -1;
    for (int c = 0; c < row.length; c++) {
      if (c != not && (best < 0 || row[c] > row[best])) {
        best = c;
      }
    }
    return best;
  }

  /** "k-NN vi 0.83 · probe vi 0.71 · model vi 0.40 (weight 0.05)": each judge's best guess. */
  private static String judges(
      Input in, EmbeddingJudge.Rows rows, int i, int suggested, double share, double pJunk) {
    List<String> parts = new ArrayList<>();
    parts.add(opinion("k-NN", rows.knn()[i], in, suggested));
    parts.add(opinion("probe", rows.probe()[i], in, suggested));
    if (in.model() != null && in.model()[i] != null) {
      parts.add(
          opinion("model", in.model()[i], in, suggested)
              + String.format(Locale.ROOT, " (weight %.2f)", share));
    }
    String strokes = StrokeVerdicts.line(in, i, suggested);
    if (!strokes.isEmpty()) {
      parts.add(strokes);
    }
    parts.add(String.format(Locale.ROOT, "junk %.2f", pJunk));
    return String.join(" · ", parts);
  }

  /** A judge's best guess and how sure it is, marked when it is the suggestion. */
  private static String opinion(String judge, float[] row, Input in, int suggested) {
    int best = ClassRows.argmax(row);
    return String.format(
        Locale.ROOT,
        "%s %s %.2f%s",
        judge,
        in.labels().get(best),
        row[best],
        best == suggested ? " ✓" : "");
  }
}

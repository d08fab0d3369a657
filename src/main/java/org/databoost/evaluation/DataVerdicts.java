package org.databoost.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * speck by the ink, or the {@link JunkJudge}), and wrong labels (confident learning on the glyph
 * judge's rows, mixed with the model's where there is a model that learned something). An image
 * gets one verdict, the first that holds in that order. Pure: the caller embeds and decodes.
 */
public final class DataVerdicts {
  /** Cosine similarity of glyph embeddings at which two images count as the same drawing. */
  public static final double NEAR_IDENTICAL = 0.99;

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
      java.util.function.Function<int[], float[][]> mirrored) {}

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
    java.util.Arrays.fill(out, Verdict.NONE);
    if (n == 0) {
      return new Result(out, null, new double[0], null, Double.NaN, "");
    }
    progress.update("Looking for leaks and duplicates", 0, -1);
    Neighbors nb =
        ExactSearch.create().searchSelf(Vectors.of(in.vectors()), Math.min(5, n - 1), progress);
    copies(in, nb, out, false);

    progress.update("Looking for junk", 0, -1);
    double[] pJunk = JunkJudge.probability(in.vectors(), in.given(), k, in.junk(), seed);
    for (int i = 0; i < n; i++) {
      if (out[i].kind() != Kind.NONE) {
        continue;
      }
      InkStatistics s = in.ink() == null ? null : in.ink()[i];
      if (s != null && s.blank()) {
        out[i] = new Verdict(Kind.JUNK, -1, 0f, "ink: a blank page");
      } else if (s != null && s.speck()) {
        out[i] = new Verdict(Kind.JUNK, -1, 0f, "ink: a lone speck");
      } else if (pJunk[i] >= JunkJudge.THRESHOLD) {
        out[i] =
            new Verdict(
                Kind.JUNK,
                -1,
                (float) (1 - pJunk[i]),
                String.format(Locale.ROOT, "junk judge %.2f", pJunk[i]));
      }
    }

    copies(in, nb, out, true);

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
    progress.update("Judging every label", 0, -1);
    EmbeddingJudge.Rows rows = EmbeddingJudge.judged(in.vectors(), in.given(), k, seed, progress);
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
      out[i] =
          new Verdict(
              Kind.LABEL_ERROR,
              suggested,
              (float) v.qualityScore(),
              judges(in, rows, i, suggested, share, pJunk[i]));
    }
    if (in.mirrored() != null) {
      mirrors(in, rows, out, pJunk, progress);
    }
    return new Result(out, blend, pJunk, rows, share, message);
  }

  /**
   * Label errors and junk (by the junk judge) that read as their given label once mirrored, while
   * as drawn they read as no class surely, become "mirrored": a mirrored "iv", an "xi" filed as ix,
   * a backwards "vii". A drawing that reads surely as another class stays a label error (a "vi"
   * filed as iv is indistinguishable from a mirrored iv; the label is the better guess then).
   */
  private static void mirrors(
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
    java.util.Arrays.fill(best, Float.NEGATIVE_INFINITY);
    java.util.Arrays.fill(bestId, -1);
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
    java.util.Arrays.fill(votes, EmbeddingJudge.SMOOTHING);
    for (int r = 0; r < k; r++) {
      if (bestId[r] >= 0 && best[r] > 0) {
        votes[given[bestId[r]]] += best[r];
      }
    }
    double total = java.util.Arrays.stream(votes).sum();
    float[] row = new float[classes];
    for (int c = 0; c < classes; c++) {
      row[c] = (float) (votes[c] / total);
    }
    return row;
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

  /**
   * Byte-identical (and with {@code near}, near-identical) images among those without a verdict
   * yet: across train and val the val copy is a leak (the train copy is kept); within a split every
   * copy but the first by path is a duplicate. Near-identical copies are looked for after junk,
   * since the glyph embeddings of noisy pages are all alike.
   */
  private static void copies(Input in, Neighbors nb, Verdict[] out, boolean near) {
    int n = in.paths().length;
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> byHash = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Integer first = byHash.putIfAbsent(in.hashes()[i], i);
      if (first != null && out[i].kind() == Kind.NONE && out[first].kind() == Kind.NONE) {
        union(parent, first, i);
      }
      if (!near || out[i].kind() != Kind.NONE) {
        continue;
      }
      int[] ids = nb.idMatrix()[i];
      float[] sims = nb.similarities(i);
      for (int r = 0; r < ids.length; r++) {
        if (ids[r] >= 0 && sims[r] >= NEAR_IDENTICAL && out[ids[r]].kind() == Kind.NONE) {
          union(parent, i, ids[r]);
        }
      }
    }
    Map<Integer, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
    }
    for (List<Integer> g : groups.values()) {
      if (g.size() < 2) {
        continue;
      }
      g.sort(
          java.util.Comparator.comparingInt((Integer i) -> in.splits()[i] == Split.TRAIN ? 0 : 1)
              .thenComparing(i -> in.paths()[i]));
      int kept = g.get(0);
      for (int i : g.subList(1, g.size())) {
        boolean same = in.hashes()[i].equals(in.hashes()[kept]);
        String how = same ? "byte-identical to " : "the same drawing as ";
        String label =
            in.given()[i] == in.given()[kept]
                ? ""
                : " (labelled " + in.labels().get(in.given()[kept]) + " there)";
        Kind kind = in.splits()[i] == in.splits()[kept] ? Kind.DUPLICATE : Kind.LEAK;
        out[i] =
            new Verdict(
                kind, -1, 0f, how + in.paths()[kept] + label + ": delete this copy, keep that one");
      }
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}

package org.databoost.evaluation.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.databoost.analysis.ClassRows;
import org.databoost.dataset.DatasetException;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.evaluation.DataVerdicts;
import org.databoost.evaluation.Judgement;
import org.databoost.sample.SampleKind;
import org.databoost.sample.SampleTruth;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;

/**
 * Scores the verdicts (the embeddings alone, or with the model) of a generated sample against its
 * answer key ({@code sample-truth.csv}): does every junk image get the junk verdict and no numeral,
 * and how precise and complete are the label-error flags (a flag is right when the image is
 * mislabelled; its suggestion is counted right when it names the true label).
 */
public final class SampleTruthBenchmark {
  private final DatasetScanner scanner;

  public SampleTruthBenchmark(DatasetScanner scanner) {
    this.scanner = scanner;
  }

  /**
   * The scores.
   *
   * @param junk junk images in the answer key (train and val)
   * @param junkFlagged of them, those with the junk verdict
   * @param numeralsAsJunk numerals (clean or mislabelled) with the junk verdict
   * @param mislabelled mislabelled images in the answer key
   * @param labelErrorFlags images flagged as label errors
   * @param labelErrorsRight of those, the mislabelled ones
   * @param suggestionsRight of those, the ones whose suggestion is the true label
   * @param leaks leak and duplicate verdicts
   * @param junkProbabilityOfJunk junk judge probability of each junk image, ascending
   * @param topJunkProbabilityOfNumerals the ten highest junk probabilities of numerals, descending
   * @param modelShare the model's fitted share in the label-error blend (NaN: no model)
   * @param message why the model flags nothing, when it does not (else empty)
   */
  public record Report(
      int images,
      int junk,
      int junkFlagged,
      int numeralsAsJunk,
      int mislabelled,
      int labelErrorFlags,
      int labelErrorsRight,
      int suggestionsRight,
      int leaks,
      double[] junkProbabilityOfJunk,
      double[] topJunkProbabilityOfNumerals,
      double seconds,
      double modelShare,
      String message) {
    public double labelErrorPrecision() {
      return labelErrorFlags == 0 ? 0 : (double) labelErrorsRight / labelErrorFlags;
    }

    public double labelErrorRecall() {
      return mislabelled == 0 ? 0 : (double) labelErrorsRight / mislabelled;
    }
  }

  public Report run(Path dataset, Path stateDir, long seed, Progress progress)
      throws IOException, DatasetException {
    return run(dataset, stateDir, seed, null, progress);
  }

  /**
   * {@link #run(Path, Path, long, Progress)}, also writing every image's signals to {@code dump}
   * (CSV: path, kind, verdict, junk probability, the k-NN's best and given-label probabilities)
   * when it is not null, for choosing thresholds on a sample made for that.
   */
  public Report run(Path dataset, Path stateDir, long seed, Path dump, Progress progress)
      throws IOException, DatasetException {
    return run(dataset, stateDir, seed, dump, null, progress);
  }

  /**
   * {@link #run(Path, Path, long, Path, Progress)}; with a training {@code config} (not null) the
   * fixed model is trained first as {@code evaluate} does and joins the judges, so the verdicts are
   * those a user sees after Evaluate.
   */
  public Report run(
      Path dataset, Path stateDir, long seed, Path dump, TrainingConfig config, Progress progress)
      throws IOException, DatasetException {
    long t0 = System.nanoTime();
    SampleTruth truth = SampleTruth.read(dataset.resolve(SampleTruth.FILE_NAME));
    DatasetScan scan = scanner.scan(dataset, progress);
    if (!scan.isUsable()) {
      throw new DatasetException(scan.unusableReason().orElse("the dataset is not usable"));
    }
    Judgement j =
        config == null
            ? Judgement.of(scan, stateDir, null, true, seed, progress)
            : Judgement.withModel(scan, stateDir, config, seed, progress);
    Map<String, SampleTruth.Entry> byPath = new HashMap<>();
    truth.entries().forEach(e -> byPath.put(e.path(), e));
    int junk = 0;
    int junkFlagged = 0;
    int numeralsAsJunk = 0;
    int mislabelled = 0;
    int flags = 0;
    int right = 0;
    int suggestionsRight = 0;
    int leaks = 0;
    List<Double> junkP = new ArrayList<>();
    List<Double> numeralP = new ArrayList<>();
    List<String> labels = scan.labels();
    for (int i = 0; i < j.images().size(); i++) {
      SampleTruth.Entry e = byPath.get(j.images().get(i).displayPath());
      if (e == null) {
        continue;
      }
      DataVerdicts.Verdict v = j.result().verdicts()[i];
      double p = j.result().junkProbability()[i];
      boolean isJunk = e.kind() == SampleKind.JUNK;
      if (isJunk) {
        junk++;
        junkP.add(p);
        junkFlagged += v.kind() == DataVerdicts.Kind.JUNK ? 1 : 0;
      } else {
        numeralP.add(p);
        numeralsAsJunk += v.kind() == DataVerdicts.Kind.JUNK ? 1 : 0;
      }
      if (e.kind() == SampleKind.MISLABELED) {
        mislabelled++;
      }
      if (v.kind() == DataVerdicts.Kind.LABEL_ERROR) {
        flags++;
        if (e.kind() == SampleKind.MISLABELED) {
          right++;
          suggestionsRight += labels.get(v.suggested()).equals(e.trueLabel()) ? 1 : 0;
        }
      }
      if (v.kind() == DataVerdicts.Kind.LEAK || v.kind() == DataVerdicts.Kind.DUPLICATE) {
        leaks++;
      }
    }
    if (dump != null) {
      List<String> lines = new ArrayList<>();
      lines.add(
          "path,kind,verdict,junk,knn_best,knn_given,true_label,given,blend_best,blend_best_p,"
              + "blend_given,knn_argmax,probe_argmax,probe_given,suggested");
      for (int i = 0; i < j.images().size(); i++) {
        SampleTruth.Entry e = byPath.get(j.images().get(i).displayPath());
        float[] knn = j.result().glyph() == null ? new float[] {1} : j.result().glyph().knn()[i];
        float best = 0;
        for (float x : knn) {
          best = Math.max(best, x);
        }
        int g = labels.indexOf(j.images().get(i).label());
        float[] blend = j.result().rows() == null ? null : j.result().rows()[i];
        float[] probe = j.result().glyph() == null ? null : j.result().glyph().probe()[i];
        int bb = blend == null ? -1 : ClassRows.argmax(blend);
        DataVerdicts.Verdict v = j.result().verdicts()[i];
        lines.add(
            String.format(
                java.util.Locale.ROOT,
                "%s,%s,%s,%.4f,%.4f,%.4f,%s,%s,%s,%.4f,%.4f,%s,%s,%.4f,%s",
                j.images().get(i).displayPath(),
                e == null ? "" : e.kind().word(),
                v.kind().text(),
                j.result().junkProbability()[i],
                best,
                g >= 0 && g < knn.length ? knn[g] : Float.NaN,
                e == null ? "" : e.trueLabel(),
                j.images().get(i).label(),
                bb < 0 ? "" : labels.get(bb),
                bb < 0 ? Float.NaN : blend[bb],
                blend == null || g < 0 ? Float.NaN : blend[g],
                labels.get(ClassRows.argmax(knn.length == labels.size() ? knn : new float[] {1})),
                probe == null ? "" : labels.get(ClassRows.argmax(probe)),
                probe == null || g < 0 ? Float.NaN : probe[g],
                v.suggested() < 0 ? "" : labels.get(v.suggested())));
      }
      java.nio.file.Files.write(dump, lines);
    }
    double[] jp = junkP.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] np = numeralP.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] top = new double[Math.min(10, np.length)];
    for (int t = 0; t < top.length; t++) {
      top[t] = np[np.length - 1 - t];
    }
    return new Report(
        j.images().size(),
        junk,
        junkFlagged,
        numeralsAsJunk,
        mislabelled,
        flags,
        right,
        suggestionsRight,
        leaks,
        jp,
        top,
        (System.nanoTime() - t0) / 1e9,
        j.result().modelShare(),
        j.result().message());
  }

  /** For printing. */
  public static String list(double[] values) {
    return Arrays.toString(Arrays.stream(values).map(v -> Math.round(v * 100) / 100.0).toArray());
  }
}

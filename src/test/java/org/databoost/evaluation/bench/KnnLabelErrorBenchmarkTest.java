package org.databoost.evaluation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.databoost.analysis.PruneMethod;
import org.databoost.dataset.DatasetScanner;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnnLabelErrorBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void everyJudgeIsScoredAgainstTheSameFlips() throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(12, 4, 1), Progress.NONE);
    List<KnnLabelErrorBenchmark.Setting> settings =
        List.of(
            new KnnLabelErrorBenchmark.Setting("knn", 5, 1, Double.NaN, PruneMethod.BOTH),
            new KnnLabelErrorBenchmark.Setting(
                "probe", 0, Double.NaN, 0.1, PruneMethod.PRUNE_BY_NOISE_RATE),
            new KnnLabelErrorBenchmark.Setting(
                "knn+probe", 5, 1, 0.1, PruneMethod.PRUNE_BY_NOISE_RATE),
            new KnnLabelErrorBenchmark.Setting(
                "judge", 30, 1, 0.1, PruneMethod.PRUNE_BY_NOISE_RATE),
            new KnnLabelErrorBenchmark.Setting(
                "verdicts", 30, 1, 0.1, PruneMethod.PRUNE_BY_NOISE_RATE));
    KnnLabelErrorBenchmark.Report r;
    try (GlyphEmbedder glyph = GlyphEmbedder.load()) {
      r =
          new KnnLabelErrorBenchmark(new DatasetScanner())
              .run(data, tmp.resolve("cache"), glyph, 0.1, 7, settings, Progress.NONE);
    }
    assertEquals(120, r.trainImages());
    assertEquals(12, r.flipped());
    assertEquals(5, r.rows().size());
    for (KnnLabelErrorBenchmark.Row row : r.rows()) {
      assertEquals(12, row.flipped());
      assertTrue(row.flaggedAndFlipped() <= row.flagged(), row.toString());
      assertTrue(row.recall() >= 0 && row.recall() <= 1, row.toString());
      double p = row.precisionAtRecall60();
      assertTrue(Double.isNaN(p) || (p > 0 && p <= 1), row.toString());
    }
    // The shipped glyph embedder separates the sample's synthetic numerals: flips are found.
    assertTrue(r.knnAccuracy() > 0.5, "k-NN accuracy " + r.knnAccuracy());
    assertTrue(r.rows().get(2).flaggedAndFlipped() >= 6, r.rows().get(2).toString());
    assertTrue(r.rows().get(3).flaggedAndFlipped() >= 6, r.rows().get(3).toString());
    // The verdicts a user sees: the judge's flags less those a leak, duplicate or junk verdict
    // took, plus the labels the judges outvote widely; the sample's six junk drawings are never
    // label errors there.
    assertTrue(r.rows().get(4).flaggedAndFlipped() >= 6, r.rows().get(4).toString());
  }

  @Test
  void theVerdictsSourceLeavesOutWhatAnotherVerdictTookFirst() throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(12, 4, 1), Progress.NONE);
    var scan = new DatasetScanner().scan(data, Progress.NONE);
    org.databoost.evaluation.Judgement.Prepared prepared =
        org.databoost.evaluation.Judgement.prepare(scan, tmp.resolve("cache"), null, Progress.NONE);
    int[] given = prepared.input().given();
    org.databoost.evaluation.DataVerdicts.Verdict[] all =
        org.databoost.evaluation.DataVerdicts.judge(prepared.input(), true, 7, Progress.NONE)
            .verdicts();
    List<org.databoost.analysis.ImageVerdict> shown =
        KnnLabelErrorBenchmark.shownLabelErrors(prepared, given, 7, Progress.NONE);
    long labelErrors =
        java.util.Arrays.stream(all)
            .filter(v -> v.kind() == org.databoost.evaluation.DataVerdicts.Kind.LABEL_ERROR)
            .count();
    assertEquals(labelErrors, shown.size());
    for (int i = 1; i < shown.size(); i++) {
      assertTrue(shown.get(i - 1).qualityScore() <= shown.get(i).qualityScore(), "ranked");
    }
    for (org.databoost.analysis.ImageVerdict v : shown) {
      assertEquals(
          org.databoost.evaluation.DataVerdicts.Kind.LABEL_ERROR, all[v.index()].kind(), "" + v);
    }
  }
}

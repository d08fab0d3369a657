package org.databoost.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.databoost.dataset.DatasetScan;
import org.databoost.dataset.DatasetScanner;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleKind;
import org.databoost.sample.SampleSpec;
import org.databoost.sample.SampleTruth;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The junk verdict on a generated sample with 80 junk images (one of the tuning samples of
 * docs/label-errors.md, seed 123), judged from the embeddings alone as the workbench does: most
 * junk gets the verdict and no numeral does. The junk probability alone at 0.7 (the judge until
 * 2026-12-07) found 26 of the 80.
 */
class JunkVerdictsOnASampleTest {
  @TempDir Path tmp;

  @Test
  void mostJunkAndNoNumeralGetsTheJunkVerdict() throws Exception {
    Path data = tmp.resolve("sample");
    SampleTruth truth =
        new SampleDatasetGenerator()
            .generate(data, SampleSpec.defaults().withSeed(123).withJunkCount(80), Progress.NONE);
    DatasetScan scan = new DatasetScanner().scan(data, Progress.NONE);
    Judgement j = Judgement.of(scan, tmp.resolve("state"), null, true, 42, Progress.NONE);
    Map<String, DataVerdicts.Verdict> byPath = j.byPath();
    Map<String, SampleKind> kinds = new HashMap<>();
    truth.entries().forEach(e -> kinds.put(e.path(), e.kind()));
    int junk = 0;
    int junkFound = 0;
    int numeralsAsJunk = 0;
    for (Map.Entry<String, DataVerdicts.Verdict> e : byPath.entrySet()) {
      boolean isJunk = kinds.get(e.getKey()) == SampleKind.JUNK;
      boolean called = e.getValue().kind() == DataVerdicts.Kind.JUNK;
      junk += isJunk ? 1 : 0;
      junkFound += isJunk && called ? 1 : 0;
      numeralsAsJunk += !isJunk && called ? 1 : 0;
    }
    assertTrue(junk >= 75, junk + " junk images judged");
    assertTrue(junkFound >= 50, junkFound + " of " + junk + " junk images found");
    assertTrue(numeralsAsJunk <= 1, numeralsAsJunk + " numerals called junk");
  }
}

package org.databoost.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.databoost.dataset.DatasetScanner;
import org.databoost.embedding.GlyphEmbedder;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.workspace.ImageFact;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarityServiceTest {
  @TempDir Path tmp;

  @Test
  void aCopyAcrossSplitsIsGroupedAndEveryImageGetsAnOutlierScoreThatIsKept() throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(5, 2, 1), Progress.NONE);
    Path one;
    try (var files = Files.list(data.resolve("train/iv"))) {
      one = files.sorted().findFirst().orElseThrow();
    }
    Files.copy(one, data.resolve("val/iv/leaked-copy.png"));
    SimilarityReport report;
    try (Workspace ws = Workspace.open(data, WorkspaceOptions.defaults().withDataDir(tmp));
        GlyphEmbedder embedder = GlyphEmbedder.load()) {
      report =
          new SimilarityService(new DatasetScanner())
              .analyse(ws, embedder, SimilarityService.DEFAULT_THRESHOLD, 5, Progress.NONE);
      Map<String, ImageFact> kept = ws.facts().load(embedder.name());
      assertEquals(report.images().size() - 1, kept.size(), "the copy shares its content hash");
    }
    SimilarityReport.Image original =
        report.images().stream()
            .filter(i -> i.path().equals("train/iv/" + one.getFileName()))
            .findFirst()
            .orElseThrow();
    SimilarityReport.Image copy =
        report.images().stream()
            .filter(i -> i.path().endsWith("leaked-copy.png"))
            .findFirst()
            .orElseThrow();
    assertTrue(original.group() >= 0);
    assertEquals(original.group(), copy.group());
    assertEquals(71, report.images().size(), "50 train + 20 val + the copy");
    assertFalse(report.images().stream().anyMatch(i -> Double.isNaN(i.outlier())));
  }
}

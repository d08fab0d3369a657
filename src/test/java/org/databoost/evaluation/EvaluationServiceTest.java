package org.databoost.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.databoost.dataset.DatasetScanner;
import org.databoost.dataset.Split;
import org.databoost.report.ExcelReportWriter;
import org.databoost.report.ReportData;
import org.databoost.report.ReportOptions;
import org.databoost.sample.OneLabelDataset;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.PredictionRecord;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate-and-export job end to end on a tiny generated dataset (two short epochs). */
class EvaluationServiceTest {
  @TempDir static Path tmp;
  private static Path data;

  private static final TrainingConfig TINY =
      TrainingConfig.quick().withEpochs(2).withFolds(2).withThreads(1).withBatchSize(16);

  @BeforeAll
  static void sample() throws Exception {
    data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
  }

  private static Workspace open() throws Exception {
    return Workspace.open(data, WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")));
  }

  @Test
  void everyImageGetsOneStoredPredictionAndTheWorkbookRoundTrips() throws Exception {
    EvaluationService.Result result;
    try (Workspace ws = open()) {
      result = new EvaluationService(new DatasetScanner()).evaluate(ws, TINY, Progress.NONE);
    }
    List<PredictionRecord> preds = result.predictions();
    assertEquals(100, preds.size(), "60 train + 30 val + 10 label_book");
    Set<String> paths = new HashSet<>();
    preds.forEach(p -> assertTrue(paths.add(p.path()), "twice: " + p.path()));
    for (PredictionRecord p : preds) {
      assertEquals(10, p.probabilities().length);
      assertEquals(64, p.hash().length());
      if (p.split() == Split.TRAIN) {
        assertFalse(p.inSample());
        assertTrue(p.fold() == 0 || p.fold() == 1, p.path() + " fold " + p.fold());
      } else {
        assertEquals(-1, p.fold());
      }
    }
    assertTrue(result.run().results().accuracy(Split.VAL).isPresent());
    assertEquals("2", result.run().parameters().get("folds"));
    try (Workspace ws = open()) {
      // The labels were also judged by the glyph embeddings, which are now cached for the map.
      assertTrue(
          Files.isDirectory(ws.stateDir().resolve("embeddings").resolve("glyph-v3")),
          "no glyph embeddings in " + ws.stateDir());
    }

    try (Workspace ws = open()) {
      assertEquals(result.run(), ws.runs().latest().orElseThrow());
      ReportData report =
          RunReport.of(
              data,
              result.run(),
              ws.runs().predictions(result.run().id()),
              ReportOptions.DEFAULT,
              Progress.NONE);
      Path xlsx = tmp.resolve("report.xlsx");
      new ExcelReportWriter().write(report, xlsx, Progress.NONE);
      try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
        assertEquals(101, wb.getSheet("Images").getPhysicalNumberOfRows());
        assertEquals(100, wb.getSheet("Images").getDrawingPatriarch().getShapes().size());
      }
    }
  }

  @Test
  void aCancelledRunStoresNothing() throws Exception {
    Progress cancelDuringTraining =
        new Progress() {
          private boolean training;

          @Override
          public void update(String stage, long done, long total) {
            training |= stage.contains("epoch");
          }

          @Override
          public boolean isCancelled() {
            return training;
          }
        };
    try (Workspace ws = open()) {
      int before = ws.runs().list().size();
      assertThrows(
          CancelledException.class,
          () ->
              new EvaluationService(new DatasetScanner()).evaluate(ws, TINY, cancelDuringTraining));
      assertEquals(before, ws.runs().list().size());
    }
  }

  @Test
  void tooFewImagesPerClassForTheFoldsGiveFlagsFromTheEmbeddingsAndSayWhy() throws Exception {
    EvaluationService.Result result;
    try (Workspace ws = open()) {
      result =
          new EvaluationService(new DatasetScanner())
              .evaluate(ws, TINY.withFolds(8), Progress.NONE);
    }
    assertTrue(result.message().startsWith("Too few training images for 8-fold"), result.message());
    assertEquals(null, result.details(), "nothing was trained");
    assertEquals(EvaluationService.FLAGS_KIND, result.run().kind());
    assertEquals(90, result.predictions().size(), "every train and val image");
  }

  @Test
  void aDatasetOfOneClassIsStillFlaggedFromTheEmbeddingsAndSaysWhyNothingWasTrained()
      throws Exception {
    // The sample's i images only, one of them copied into val (a leak) and one junk drawing.
    Path one = OneLabelDataset.copyOf(data, tmp.resolve("one-class"));
    Path leaked;
    try (var files = Files.list(one.resolve("train/i"))) {
      leaked = files.sorted().findFirst().orElseThrow();
    }
    Files.copy(leaked, one.resolve("val/i/copy.png"));
    String junk =
        Files.readAllLines(data.resolve("sample-truth.csv")).stream()
            .filter(l -> l.endsWith(",junk,junk"))
            .findFirst()
            .orElseThrow()
            .split(",")[0];
    Files.copy(data.resolve(junk), one.resolve("train/i/junk.png"));

    EvaluationService.Result result;
    try (Workspace ws =
        Workspace.open(one, WorkspaceOptions.defaults().withDataDir(tmp.resolve("home1")))) {
      result = new EvaluationService(new DatasetScanner()).evaluate(ws, TINY, Progress.NONE);
      assertEquals(result.run(), ws.runs().latest().orElseThrow(), "the flags are kept as a run");
    }
    assertTrue(result.message().startsWith("The dataset has one class only (i)"), result.message());
    assertTrue(result.message().contains("no label can be wrong"), result.message());
    assertEquals(null, result.details(), "nothing was trained");
    assertEquals(EvaluationService.FLAGS_KIND, result.run().kind());
    java.util.Map<String, String> issue = new java.util.HashMap<>();
    result.predictions().forEach(p -> issue.put(p.path(), p.issue()));
    assertEquals(DataVerdicts.Kind.LEAK.text(), issue.get("val/i/copy.png"));
    assertEquals(DataVerdicts.Kind.JUNK.text(), issue.get("train/i/junk.png"));
    assertFalse(issue.containsValue(DataVerdicts.Kind.LABEL_ERROR.text()), "one label: none");
  }

  @Test
  void aDatasetWithoutValidationImagesIsFlaggedFromTheEmbeddingsAndSaysWhy() throws Exception {
    // Two train images per label and no val/: too few to set any aside for validation.
    Path noVal = tmp.resolve("no-val");
    for (String label : List.of("i", "ii")) {
      Path to = Files.createDirectories(noVal.resolve("train").resolve(label));
      try (var files = Files.list(data.resolve("train").resolve(label))) {
        for (Path f : files.sorted().limit(2).toList()) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    EvaluationService.Result result;
    try (Workspace ws =
        Workspace.open(noVal, WorkspaceOptions.defaults().withDataDir(tmp.resolve("home2")))) {
      result = new EvaluationService(new DatasetScanner()).evaluate(ws, TINY, Progress.NONE);
    }
    assertTrue(result.message().startsWith("No model can be trained: too few"), result.message());
    assertEquals(EvaluationService.FLAGS_KIND, result.run().kind());
    assertEquals(4, result.predictions().size());
  }

  @Test
  void flagsBeforeAnyTrainingSayWhoDecidedAndNeverSuggestTheGivenLabel() throws Exception {
    EvaluationService.Result result;
    try (Workspace ws = open()) {
      result = new EvaluationService(new DatasetScanner()).flagsOnly(ws, 1, Progress.NONE);
      assertEquals(result.run(), ws.runs().latest().orElseThrow());
      assertEquals(
          result.predictions().stream().map(p -> p.path() + " " + p.issue()).sorted().toList(),
          ws.runs().predictions(result.run().id()).stream()
              .map(p -> p.path() + " " + p.issue())
              .sorted()
              .toList());
    }
    assertEquals(EvaluationService.FLAGS_KIND, result.run().kind());
    int flagged = 0;
    for (PredictionRecord p : result.predictions()) {
      if (p.issue().isEmpty()) {
        continue;
      }
      flagged++;
      assertFalse(p.judges().isEmpty(), p.path());
      assertTrue(p.quality() >= 0 && p.quality() <= 1, p.path() + " " + p.quality());
      if (p.issue().equals(DataVerdicts.Kind.LABEL_ERROR.text())) {
        assertTrue(p.suggested() != p.given(), p.path());
      } else {
        assertEquals(p.given(), p.suggested(), "no label for " + p.issue() + ": " + p.path());
      }
    }
    assertTrue(flagged > 0, "the sample's wrong labels and junk");
  }
}

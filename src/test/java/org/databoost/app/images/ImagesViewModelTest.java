package org.databoost.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image table's view-model on the calling thread, without the JavaFX toolkit. */
class ImagesViewModelTest {
  @TempDir Path tmp;
  private Path data;
  private ImagesViewModel vm;

  @BeforeEach
  void open() throws Exception {
    data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    vm =
        new ImagesViewModel(
            Runnable::run, Runnable::run, WorkspaceOptions.defaults().withDataDir(tmp));
    vm.open(data);
  }

  @AfterEach
  void close() {
    vm.close();
  }

  @Test
  void opensOneRowPerImageWithoutPredictionsBeforeARun() {
    assertEquals(100, vm.rows().size());
    assertTrue(vm.rows().stream().allMatch(i -> i.predicted().isEmpty()));
    assertTrue(vm.runSummaryProperty().get().startsWith("No run yet"));
    assertFalse(vm.busyProperty().get());
  }

  @Test
  void quickFiltersNarrowTheRows() {
    vm.filters().splitProperty().set("val");
    assertEquals(30, vm.rows().size());
    vm.filters().splitProperty().set("");
    String one = vm.allRows().get(7).fileName();
    vm.filters().searchProperty().set(one.substring(0, 10).toUpperCase());
    assertTrue(vm.rows().stream().allMatch(i -> i.fileName().startsWith(one.substring(0, 10))));
    vm.filters().searchProperty().set("");
    vm.filters().misclassifiedOnlyProperty().set(true);
    assertEquals(0, vm.rows().size(), "no run yet, so nothing is misclassified");
    vm.filters().misclassifiedOnlyProperty().set(false);
    vm.filters().labelProperty().set("iv");
    assertTrue(vm.rows().size() > 0);
    assertTrue(vm.rows().stream().allMatch(i -> i.given().equals("iv")));
    vm.filters().splitProperty().set("val");
    assertEquals(3, vm.rows().size(), "3 val images per label");
    vm.filters().labelProperty().set("");
    vm.filters().splitProperty().set("");
    vm.filters().boostAddedOnlyProperty().set(true);
    assertEquals(0, vm.rows().size(), "nothing was added by Boost");
  }

  @Test
  void evaluateFillsPredictionsAndExportWritesTheWorkbook() throws Exception {
    vm.evaluate(TrainingConfig.quick().withEpochs(2).withFolds(2).withThreads(1));
    assertFalse(vm.busyProperty().get(), vm.statusProperty().get());
    assertTrue(vm.runSummaryProperty().get().startsWith("Run #1"), vm.runSummaryProperty().get());
    assertTrue(vm.allRows().stream().noneMatch(i -> i.predicted().isEmpty()));
    assertTrue(vm.allRows().stream().noneMatch(i -> Double.isNaN(i.loss())));

    vm.rows().comparatorProperty().unbind();
    vm.rows().setComparator(Comparator.comparingDouble(ImageItem::loss).reversed());
    assertTrue(vm.rows().get(0).loss() >= vm.rows().get(vm.rows().size() - 1).loss());

    Path xlsx = tmp.resolve("out.xlsx");
    vm.export(xlsx);
    assertTrue(Files.size(xlsx) > 0, vm.statusProperty().get());
    assertTrue(vm.statusProperty().get().startsWith("Exported"), vm.statusProperty().get());
  }

  @Test
  void exportWithoutARunSaysWhy() {
    vm.export(tmp.resolve("none.xlsx"));
    assertTrue(vm.statusProperty().get().contains("evaluate first"), vm.statusProperty().get());
    assertFalse(Files.exists(tmp.resolve("none.xlsx")));
    assertTrue(vm.failureProperty().get().what().startsWith("Exporting"));
    assertTrue(vm.failureProperty().get().details().contains("IllegalStateException"));
  }

  @Test
  void aCancelledEvaluationChangesNothing() {
    vm.cancel(); // nothing running: harmless
    // Cancel from inside the job: the first progress report comes from the scan.
    vm.statusProperty()
        .addListener(
            (o, a, b) -> {
              if (b.startsWith("Evaluating") && vm.taskProperty().get() != null) {
                vm.taskProperty().get().cancel();
              }
            });
    vm.evaluate(TrainingConfig.quick().withEpochs(2).withFolds(0).withThreads(1));
    assertEquals("Cancelled; nothing was changed.", vm.statusProperty().get());
    assertTrue(vm.runSummaryProperty().get().startsWith("No run yet"));
  }
}

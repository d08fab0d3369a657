package org.databoost.app.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.databoost.app.common.Session;
import org.databoost.dataset.DatasetScanner;
import org.databoost.sample.DefaultSample;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary view-model, run on the calling thread without the JavaFX toolkit. */
class DatasetSummaryViewModelTest {
  @TempDir Path tmp;

  private DatasetSummaryViewModel model(Path sampleDir) {
    return new DatasetSummaryViewModel(
        new DatasetScanner(),
        new DefaultSample(new SampleDatasetGenerator()),
        sampleDir,
        new Session(Runnable::run, Runnable::run, WorkspaceOptions.defaults()));
  }

  @Test
  void opensADatasetAndListsCountsPerLabelAndSplit() throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(4, 2, 1), Progress.NONE);
    DatasetSummaryViewModel vm = model(tmp.resolve("unused"));
    vm.open(data);
    assertTrue(vm.usableProperty().get(), vm.verdictProperty().get());
    assertEquals(List.of("train", "val", "label_book"), vm.splitColumns());
    assertEquals(10, vm.counts().size());
    assertEquals("i", vm.counts().get(0).label());
    assertEquals(List.of(4, 2, 1), vm.counts().get(0).counts());
    assertTrue(vm.verdictProperty().get().startsWith("Usable"), vm.verdictProperty().get());
  }

  @Test
  void withoutADatasetItGeneratesAndOpensTheSample() {
    Path sampleDir = tmp.resolve("sample");
    DatasetSummaryViewModel vm = model(sampleDir);
    vm.open(null);
    assertTrue(Files.isDirectory(sampleDir.resolve("train/iv")));
    assertEquals(sampleDir.toAbsolutePath().normalize().toString(), vm.datasetPathProperty().get());
    assertTrue(vm.usableProperty().get());
  }

  @Test
  void aMissingFolderIsReportedNotThrown() {
    DatasetSummaryViewModel vm = model(tmp.resolve("unused"));
    vm.open(tmp.resolve("no-such-folder"));
    assertFalse(vm.usableProperty().get());
    assertTrue(vm.verdictProperty().get().contains("does not exist"), vm.verdictProperty().get());
  }
}

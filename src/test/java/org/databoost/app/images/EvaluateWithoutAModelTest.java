package org.databoost.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.databoost.app.Wiring;
import org.databoost.app.common.Session;
import org.databoost.sample.OneLabelDataset;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluate in the window on a dataset no model can be trained on (one label): the real services,
 * which keep the flags of the embeddings and say why nothing was trained.
 */
class EvaluateWithoutAModelTest {
  @TempDir Path tmp;

  @Test
  void evaluateOnOneLabelKeepsTheFlagsAndTheStatusSaysWhyNoModelWasTrained() throws Exception {
    Path sample = tmp.resolve("sample");
    new SampleDatasetGenerator()
        .generate(sample, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    Path one = OneLabelDataset.copyOf(sample, tmp.resolve("one"));
    Session session =
        new Session(
            Runnable::run,
            Runnable::run,
            WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")));
    try {
      ImagesViewModel vm = new ImagesViewModel(session, Wiring.standardServices());
      vm.open(one);
      assertEquals(null, session.failureProperty().get(), "opening needs no two labels");
      assertEquals(1, vm.runs().size(), "flagged from the embeddings on open");
      vm.evaluate(TrainingConfig.quick().withFolds(3).withThreads(1));
      assertEquals(null, session.failureProperty().get());
      assertEquals(2, vm.runs().size());
      String status = session.statusProperty().get();
      assertTrue(
          status.startsWith("The dataset has one class only (i): a model needs at least two"),
          status);
      assertTrue(vm.headlineProperty().get().startsWith("Run #2"), vm.headlineProperty().get());
    } finally {
      session.close();
    }
  }
}

package org.databoost.app.autopilot;

import static org.databoost.workspace.Fixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.databoost.app.Screenshots;
import org.databoost.app.WindowModels;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.autopilot.AutopilotOptions;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Autopilot window headless: Plan shows every step's counts and examples and changes nothing;
 * Run applies the plan as edits that undo takes back one by one, to the original bytes.
 */
@ExtendWith(ApplicationExtension.class)
class AutopilotDialogTest {
  @TempDir static Path tmp;

  private static final TrainingConfig TINY =
      TrainingConfig.quick().withEpochs(2).withThreads(1).withBatchSize(16);

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private ImagesViewModel images;
  private AutopilotViewModel model;
  private Scene scene;

  @Start
  void start(Stage stage) {
    images = WindowModels.create(tmp, background).images();
    model = new AutopilotViewModel(images, Platform::runLater);
    AutopilotOptions o =
        AutopilotOptions.defaults()
            .withTraining(TINY)
            .withBudget(240)
            .withBoost(1, 3, 800)
            .withStep('c', true)
            .withStep('f', false);
    scene = new Scene(new AutopilotDialog(model, o).content(), 1180, 760);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  private void jobAndWait(FxRobot robot, Runnable action) throws Exception {
    int before = images.session().finishedJobsProperty().get();
    robot.interact(action);
    WindowModels.awaitIdle(images.session(), before);
  }

  @Test
  void planReviewThenRunThenUndoStepByStep(FxRobot robot) throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(8, 4, 1), Progress.NONE);
    Files.deleteIfExists(data.resolve("sample-truth.csv"));
    Map<String, String> before = tree(data);
    jobAndWait(robot, () -> images.open(data));
    int rows = images.allRows().size();

    jobAndWait(robot, () -> robot.lookup("#autopilot-plan").queryButton().fire());
    assertNotNull(model.planProperty().get(), status(robot));
    assertEquals(before, tree(data), "the plan changes nothing");
    for (char s : "abcdef".toCharArray()) {
      Label summary = robot.lookup("#autopilot-step-" + s).queryAs(Label.class);
      assertTrue(!summary.getText().isBlank(), "step " + s + " has its counts");
    }
    assertTrue(
        robot
            .lookup("#autopilot-step-e")
            .queryAs(Label.class)
            .getText()
            .contains("augmented images"));
    assertFalse(
        robot.lookup(".autopilot-preview").queryAll().isEmpty(),
        "step c's examples show the crops as they will be");
    snapshot(robot, "autopilot-plan-review");

    jobAndWait(robot, () -> robot.lookup("#autopilot-run").queryButton().fire());
    assertNotNull(model.reportProperty().get(), status(robot));
    Label filled = robot.lookup("#autopilot-done-e").queryAs(Label.class);
    assertTrue(filled.getText().startsWith("Done:"), filled.getText());
    int added = model.reportProperty().get().step('e').changed();
    int removed = model.reportProperty().get().step('a').changed();
    assertEquals(rows + added - removed, images.allRows().size(), "the table shows the result");
    snapshot(robot, "autopilot-done");

    int edits = model.reportProperty().get().opIds().size();
    assertTrue(edits >= 3, "a, c..e at least: " + edits);
    for (int i = 0; i < edits; i++) {
      jobAndWait(robot, () -> images.edits().undo());
    }
    assertEquals(before, tree(data), "undo step by step restores every byte");
  }

  private static String status(FxRobot robot) {
    return robot.lookup("#autopilot-status").queryAs(Label.class).getText();
  }

  private void snapshot(FxRobot robot, String name) {
    Screenshots.save(robot, scene, name);
  }

  /**
   * The plan review on a writable copy of the real data, for the docs' picture: runs only with
   * {@code -Ddataboost.autopilot.realData=DIR} (it trains the mirror check's judge, minutes).
   */
  @Test
  void planReviewOnTheRealData(FxRobot robot) throws Exception {
    String dir = System.getProperty("databoost.autopilot.realData");
    Assumptions.assumeTrue(dir != null, "set databoost.autopilot.realData to a writable copy");
    Path data = Path.of(dir);
    Map<String, String> before = tree(data);
    jobAndWait(robot, () -> images.open(data));
    AutopilotDialog real =
        new AutopilotDialog(
            model, AutopilotOptions.defaults().withTraining(TrainingConfig.quick().withThreads(1)));
    robot.interact(() -> scene.setRoot(real.content()));
    int started = images.session().finishedJobsProperty().get();
    robot.interact(() -> robot.lookup("#autopilot-plan").queryButton().fire());
    WaitForAsyncUtils.waitFor(
        15, TimeUnit.MINUTES, () -> images.session().finishedJobsProperty().get() > started);
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(3000); // thumbnails load in the background
    WaitForAsyncUtils.waitForFxEvents();
    assertNotNull(model.planProperty().get(), status(robot));
    snapshot(robot, "autopilot-plan-real-data");
    assertEquals(before, tree(data), "the plan changes nothing");
  }
}

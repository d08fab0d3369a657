package org.databoost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.summary.DatasetSummaryViewModel;
import org.databoost.dataset.DatasetScanner;
import org.databoost.sample.DefaultSample;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless through Monocle: opening a dataset fills the summary. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  @TempDir static Path tmp;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private DatasetSummaryViewModel model;
  private ImagesViewModel images;
  private Scene scene;

  @Start
  void start(Stage stage) {
    model =
        new DatasetSummaryViewModel(
            new DatasetScanner(),
            new DefaultSample(new SampleDatasetGenerator()),
            tmp.resolve("sample"),
            background,
            Platform::runLater);
    images =
        new ImagesViewModel(
            background,
            Platform::runLater,
            WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")));
    scene = new MainWindow(model, images).show(stage);
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  private void openAndWait(FxRobot robot, Path dir) throws Exception {
    robot.interact(() -> model.open(dir));
    waitUntilIdle();
  }

  private void waitUntilIdle() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> !model.busyProperty().get() && !images.busyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void openingADatasetShowsCountsProblemsAndVerdict(FxRobot robot) throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(4, 2, 1), Progress.NONE);
    Files.write(data.resolve("train/iv/broken.png"), new byte[] {1, 2, 3});
    openAndWait(robot, data);

    assertEquals(10, model.counts().size());
    TableView<?> table = robot.lookup("#images-table").queryAs(TableView.class);
    assertEquals(
        71, table.getItems().size(), "40 train + 20 val + 10 label_book + the broken file");
    Label verdict = robot.lookup(".verdict").queryAs(Label.class);
    assertTrue(verdict.getText().startsWith("Usable"), verdict.getText());
    assertTrue(
        model.problems().stream().anyMatch(p -> p.path().endsWith("broken.png")),
        model.problems().toString());
    assertTrue(
        robot.window(0).getScene().getWindow() instanceof Stage s && s.getTitle().contains("data"));
  }

  @Test
  void theButtonOpensTheSampleAndTheWindowRenders(FxRobot robot) throws Exception {
    robot.interact(() -> robot.lookup("#open-sample").queryButton().fire());
    waitUntilIdle();
    assertTrue(Files.isDirectory(tmp.resolve("sample/train/x")));
    assertEquals(10, model.counts().size());
    WritableImage[] shot = new WritableImage[1];
    robot.interact(() -> shot[0] = scene.snapshot(null));
    assertTrue(shot[0].getWidth() >= 800 && shot[0].getHeight() >= 600);
  }

  @Test
  void evaluateStartsATaskThatCancelLeavesWithoutARun(FxRobot robot) throws Exception {
    Path data = tmp.resolve("cancel-me");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(4, 2, 1), Progress.NONE);
    openAndWait(robot, data);
    robot.interact(() -> robot.lookup("#evaluate").queryButton().fire());
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> images.taskProperty().get() != null);
    robot.interact(() -> robot.lookup("#cancel-task").queryButton().fire());
    waitUntilIdle();
    Label status = robot.lookup("#status-text").queryAs(Label.class);
    assertEquals("Cancelled; nothing was changed.", status.getText());
    assertTrue(images.runSummaryProperty().get().startsWith("No run yet"));
  }

  @Test
  void anUnusableFolderIsShownAsSuch(FxRobot robot) throws Exception {
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    openAndWait(robot, empty);
    Label verdict = robot.lookup(".verdict").queryAs(Label.class);
    assertTrue(verdict.getText().startsWith("Not usable"), verdict.getText());
    assertTrue(verdict.getStyleClass().contains("verdict-bad"));
  }
}

package org.databoost.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.databoost.app.images.ImageItem;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.map.MapColouring;
import org.databoost.dataset.SharedData;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.WorkspaceOptions;
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
 * The README's first ten minutes on the competition data, as a new user goes through them, with the
 * real services (training included: minutes), leaving the README's pictures in
 * target/screenshots/tour-*.png. Runs only with {@code -Ddataboost.tour=true} and the shared data
 * present; the data is opened read-only (its state goes to the test's own data folder). With {@code
 * -Ddataboost.samplePicture=true} it takes the README's top picture on the built-in sample.
 */
@ExtendWith(ApplicationExtension.class)
class RealDataTourTest {
  @TempDir static Path tmp;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Wiring wiring;
  private Scene scene;

  @Start
  void start(Stage stage) {
    wiring =
        Wiring.create(
            Wiring.standardServices(),
            WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")),
            tmp.resolve("sample"),
            background,
            Platform::runLater);
    scene = WindowModels.showAtDefaultSize(stage, wiring, tmp);
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  private void doAndWait(FxRobot robot, Runnable action) throws Exception {
    int before = wiring.session().finishedJobsProperty().get();
    robot.interact(action);
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.MINUTES,
        () ->
            wiring.session().finishedJobsProperty().get() > before
                && !wiring.session().busyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void show(FxRobot robot, String tabId) {
    TabPane tabs = robot.from(scene.getRoot()).lookup(".tab-pane").queryAs(TabPane.class);
    robot.interact(
        () ->
            tabs.getSelectionModel()
                .select(
                    tabs.getTabs().stream()
                        .filter(t -> t.getId().equals(tabId))
                        .findFirst()
                        .orElseThrow()));
  }

  /** Text cut off with no tooltip to read it, on each picture of the tour. */
  private final java.util.Map<String, java.util.List<String>> unreadable =
      new java.util.LinkedHashMap<>();

  /** Saves the picture and notes what on it a user could not read. */
  private void picture(FxRobot robot, String name) {
    Screenshots.save(robot, scene, name);
    java.util.List<String> cut = Screenshots.clippedWithoutTooltip(robot, scene.getRoot());
    if (!cut.isEmpty()) {
      unreadable.put(name, cut);
    }
  }

  private void settle(FxRobot robot) throws InterruptedException {
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(2500); // thumbnails load in the background
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFirstTenMinutesOnTheCompetitionData(FxRobot robot) throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("databoost.tour"), "set databoost.tour=true");
    Path data = SharedData.ROMAN_NUMERALS;
    Assumptions.assumeTrue(Files.isDirectory(data), "no shared data at " + data);
    ImagesViewModel images = wiring.images();
    doAndWait(robot, () -> wiring.summary().open(data));
    assertTrue(images.shownRunProperty().get() != null, "a first open flags from the embeddings");
    show(robot, "summary-tab");
    settle(robot);
    picture(robot, "tour-1-dataset-check");

    int folds = Integer.getInteger("databoost.tour.folds", 3);
    doAndWait(robot, () -> images.evaluate(TrainingConfig.quick().withThreads(1).withFolds(folds)));
    assertTrue(images.shownRunProperty().get() != null, wiring.session().statusProperty().get());
    show(robot, "images-tab");
    TableView<?> table =
        robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    robot.interact(
        () -> {
          images.filters().flaggedOnlyProperty().set(true);
          TableColumn<?, ?> loss =
              table.getColumns().stream()
                  .filter(c -> c.getText().equals("Loss"))
                  .findFirst()
                  .orElseThrow();
          loss.setSortType(TableColumn.SortType.DESCENDING);
          ((TableView<Object>) table).getSortOrder().setAll((TableColumn<Object, ?>) loss);
          table.getSelectionModel().clearAndSelect(0);
        });
    settle(robot);
    picture(robot, "tour-2-images-flagged");

    // A val image that is a byte-identical copy of a train image: both copies, one button.
    robot.interact(
        () -> {
          TableView<ImageItem> rows = (TableView<ImageItem>) table;
          int leak =
              rows.getItems()
                  .indexOf(
                      rows.getItems().stream()
                          .filter(i -> i.issue().equals("leak") && !i.otherCopy().isEmpty())
                          .findFirst()
                          .orElseThrow());
          rows.getSelectionModel().clearAndSelect(leak);
          rows.scrollTo(Math.max(0, leak - 3));
        });
    settle(robot);
    picture(robot, "tour-2b-leak-pair");

    show(robot, "charts-tab");
    settle(robot);
    picture(robot, "tour-3-charts");

    robot.interact(() -> images.filters().reset());
    doAndWait(robot, () -> wiring.map().compute());
    show(robot, "map-tab");
    robot.interact(() -> wiring.map().colouringProperty().set(MapColouring.PREDICTED));
    settle(robot);
    picture(robot, "tour-4-map-predicted");
    robot.interact(() -> wiring.map().colouringProperty().set(MapColouring.VERDICT));
    settle(robot);
    picture(robot, "tour-5-map-verdict");
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.Map.of(), unreadable, "text cut off with no tooltip, by picture");
  }

  /**
   * The README's top picture: the built-in sample as a first start opens it, flagged from the
   * embeddings (no training), flagged images only, top loss first (README step 3), the first
   * selected. Runs with {@code -Ddataboost.samplePicture=true}; leaves
   * target/screenshots/screenshot.png.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theBuiltInSampleFlaggedFromTheEmbeddings(FxRobot robot) throws Exception {
    Assumptions.assumeTrue(
        Boolean.getBoolean("databoost.samplePicture"), "set databoost.samplePicture=true");
    ImagesViewModel images = wiring.images();
    doAndWait(robot, () -> wiring.summary().open(null)); // a first open flags from the embeddings
    assertTrue(images.shownRunProperty().get() != null, wiring.session().statusProperty().get());
    show(robot, "images-tab");
    TableView<?> table =
        robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    robot.interact(
        () -> {
          images.filters().flaggedOnlyProperty().set(true);
          TableColumn<?, ?> loss =
              table.getColumns().stream()
                  .filter(c -> c.getText().equals("Loss"))
                  .findFirst()
                  .orElseThrow();
          loss.setSortType(TableColumn.SortType.DESCENDING);
          ((TableView<Object>) table).getSortOrder().setAll((TableColumn<Object, ?>) loss);
          table.getSelectionModel().clearAndSelect(0);
        });
    settle(robot);
    assertTrue(table.getItems().size() > 0, "nothing flagged on the sample");
    Screenshots.save(robot, scene, "screenshot");
  }
}

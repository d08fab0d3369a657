package org.databoost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.settings.SettingsFile;
import org.databoost.app.settings.WorkbenchSettings;
import org.databoost.boost.BoostService;
import org.databoost.boost.RoundReport;
import org.databoost.dataset.Split;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.workspace.NewImage;
import org.databoost.workspace.OperationResult;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The user undoes a kept Boost round with Ctrl+Z: the Boost tab and the run line stop claiming it,
 * and a redo claims it again. The dataset's catalog holds a kept round as Boost writes one (the
 * baseline's run, the round's journaled add, the round's run naming that edit); the runs are the
 * known runs of {@link TestServices}, so no model is trained and the round is always kept.
 */
@ExtendWith(ApplicationExtension.class)
class BoostUndoFlowTest {
  @TempDir static Path tmp;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Wiring wiring;
  private ImagesViewModel images;
  private Scene scene;
  private long baselineRun;
  private long roundRun;

  private WorkspaceOptions options() {
    return WorkspaceOptions.defaults().withDataDir(tmp.resolve("home"));
  }

  @Start
  void start(Stage stage) {
    wiring =
        Wiring.create(
            TestServices.withKnownRuns(),
            options(),
            tmp.resolve("sample"),
            background,
            Platform::runLater);
    images = wiring.images();
    scene =
        new MainWindow(
                wiring,
                WorkbenchSettings.load(new SettingsFile(tmp.resolve("settings.properties"))))
            .show(stage);
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  /** A dataset with a baseline run, then a kept round of two added images and its run. */
  private Path boostedDataset() throws Exception {
    Path data = tmp.resolve("boosted");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    try (Workspace ws = Workspace.open(data, options())) {
      baselineRun =
          TestServices.keepKnownRun(ws, BoostService.KIND_BASELINE, "quick", 0, Map.of()).id();
      List<NewImage> added =
          ws.images().stream()
              .filter(r -> r.split().orElse(null) == Split.TRAIN)
              .limit(2)
              .map(
                  r ->
                      NewImage.fromFile(
                          data.resolve(r.path()),
                          Split.TRAIN,
                          r.label(),
                          BoostService.PROVENANCE_PREFIX + "1: serves val/x.png"))
              .map(
                  n ->
                      new NewImage(
                          n.source(),
                          n.bytes(),
                          n.split(),
                          n.label(),
                          "boost-r1-" + n.fileName(),
                          n.provenance()))
              .toList();
      OperationResult op =
          ws.add(added, BoostService.ROUND_PREFIX + "1: add 2 images for 2 errors", Progress.NONE);
      Thread.sleep(5); // the round's run finishes after its edit, as in a real round
      roundRun =
          TestServices.keepKnownRun(
                  ws,
                  BoostService.KIND_ROUND,
                  "quick",
                  0,
                  Map.of(
                      "boost.round", "1", "boost.op", Long.toString(op.opId()), "boost.added", "2"))
              .id();
    }
    return data;
  }

  private String text(String id) {
    return ((Label) scene.getRoot().lookup(id)).getText();
  }

  private void pressAndWait(FxRobot robot, KeyCode... keys) throws Exception {
    int before = wiring.session().finishedJobsProperty().get();
    robot.press(keys).release(keys);
    WindowModels.awaitIdle(wiring.session(), before);
  }

  @Test
  void undoingAKeptRoundStopsTheBoostTabAndTheRunLineClaimingIt(FxRobot robot) throws Exception {
    Path data = boostedDataset();
    int before = wiring.session().finishedJobsProperty().get();
    robot.interact(() -> wiring.summary().open(data));
    WindowModels.awaitIdle(wiring.session(), before);
    TabPane tabs = (TabPane) scene.getRoot().lookup(".tab-pane");
    robot.interact(() -> tabs.getSelectionModel().select(tabById(tabs, "boost-tab")));
    String kept = text("#boost-headline");
    assertTrue(kept.startsWith("1 Boost round on record, 1 kept with 2 added images."), kept);
    assertEquals("", text("#boost-out-of-date"));
    assertEquals(roundRun, images.shownRunProperty().get().id(), "the table shows the round's run");
    assertTrue(!text("#run-headline").contains("out of date"), text("#run-headline"));

    // Ctrl+Z as the user presses it, from the Boost tab.
    pressAndWait(robot, KeyCode.CONTROL, KeyCode.Z);
    String undone = text("#boost-headline");
    assertTrue(
        undone.startsWith("1 Boost round on record, 0 kept with 0 added images.")
            && undone.endsWith("(undone)."),
        undone);
    @SuppressWarnings("unchecked")
    TableView<RoundReport> rounds =
        (TableView<RoundReport>) scene.getRoot().lookup("#boost-rounds");
    assertTrue(rounds.getItems().stream().noneMatch(RoundReport::kept), "no round shown as kept");
    assertEquals(
        "The dataset changed after the last round's run: out of date: 1 edit since.",
        text("#boost-out-of-date"));
    // The table moves to the newest run that matches the dataset again, the baseline's; the
    // round's run is out of date by the undo.
    assertEquals(baselineRun, images.shownRunProperty().get().id(), "the baseline's run is shown");
    assertTrue(!text("#run-headline").contains("out of date"), text("#run-headline"));
    assertEquals(
        1,
        images.runs().stream()
            .filter(r -> r.id() == roundRun)
            .findFirst()
            .orElseThrow()
            .editsSince(),
        "the round's run: 1 edit since");
    assertTrue(
        images.allRows().stream().noneMatch(i -> i.addedByBoost()), "the added images are gone");
    Screenshots.save(robot, scene, "item1-boost-round-undone");
    assertEquals(
        List.of(),
        Screenshots.clippedTexts(
            robot, (javafx.scene.Parent) scene.getRoot().lookup("#boost-classes")),
        "the per-class table's titles and cells whole at 1280 x 800");

    pressAndWait(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
    assertEquals(kept, text("#boost-headline"), "a redo claims the round again");
    assertEquals("", text("#boost-out-of-date"));
    assertEquals(roundRun, images.shownRunProperty().get().id(), "and its run is shown again");
    assertEquals(2, images.allRows().stream().filter(i -> i.addedByBoost()).count());
  }

  private static javafx.scene.control.Tab tabById(TabPane tabs, String id) {
    return tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
  }
}

package org.databoost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.databoost.app.common.Services;
import org.databoost.app.images.ImageItem;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.map.MapViewModel;
import org.databoost.app.settings.SettingsFile;
import org.databoost.app.settings.WorkbenchSettings;
import org.databoost.app.summary.DatasetSummaryViewModel;
import org.databoost.boost.BoostOptions;
import org.databoost.boost.BoostReport;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
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
  private final AtomicBoolean slowEvaluation = new AtomicBoolean();
  private final AtomicBoolean pacedEvaluation = new AtomicBoolean();
  private Wiring wiring;
  private DatasetSummaryViewModel model;
  private ImagesViewModel images;
  private MapViewModel map;
  private Scene scene;

  @Start
  void start(Stage stage) {
    Services known = TestServices.withKnownRuns();
    Services services =
        new Services(
            (ws, config, progress) -> {
              // Until cancelled, when asked to be slow: the cancel test's evaluation.
              while (slowEvaluation.get()) {
                progress.update("train epoch 1/30", 0, 10);
                progress.checkCancelled();
                Thread.sleep(20);
              }
              // Until cancelled, when asked to pace: epochs of 10 steps, 150 ms each.
              for (int e = 1; pacedEvaluation.get(); e = e % 30 + 1) {
                for (int step = 0; step < 10; step++) {
                  progress.update("train epoch " + e + "/30", step, 10);
                  progress.checkCancelled();
                  Thread.sleep(15);
                }
              }
              known.evaluation().evaluate(ws, config, progress);
            },
            known.boosting(),
            known.mapping(),
            known.similarity());
    wiring =
        Wiring.create(
            services,
            WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")),
            tmp.resolve("sample"),
            background,
            Platform::runLater);
    model = wiring.summary();
    images = wiring.images();
    map = wiring.map();
    scene =
        new MainWindow(
                wiring,
                WorkbenchSettings.load(new SettingsFile(tmp.resolve("settings.properties"))))
            .show(stage);
  }

  private TabPane tabs() {
    return (TabPane) scene.getRoot().lookup(".tab-pane");
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  private void openAndWait(FxRobot robot, Path dir) throws Exception {
    doAndWait(robot, () -> model.open(dir));
  }

  /**
   * Runs an action on the FX thread and waits until the image table's next job has ended (opening a
   * dataset scans it, then loads its images; an edit reloads them). Counting finished jobs is exact
   * where polling "busy" races with the hand-over from the scan to the image loading.
   */
  private void doAndWait(FxRobot robot, Runnable action) throws Exception {
    int before = wiring.session().finishedJobsProperty().get();
    robot.interact(action);
    waitForJobAfter(before);
  }

  private void waitForJobAfter(int before) throws Exception {
    WindowModels.awaitIdle(wiring.session(), before);
  }

  private void pressAndWait(FxRobot robot, TableView<?> table, KeyCode... keys) throws Exception {
    int before = wiring.session().finishedJobsProperty().get();
    robot.interact(table::requestFocus);
    robot.press(keys).release(keys);
    waitForJobAfter(before);
  }

  @Test
  void openingADatasetShowsCountsProblemsAndVerdict(FxRobot robot) throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(4, 2, 1), Progress.NONE);
    Files.write(data.resolve("train/iv/broken.png"), new byte[] {1, 2, 3});
    openAndWait(robot, data);

    assertEquals(10, model.counts().size());
    TableView<?> table =
        robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    assertEquals(
        71, table.getItems().size(), "40 train + 20 val + 10 label_book + the broken file");
    Label verdict = robot.from(scene.getRoot()).lookup(".verdict").queryAs(Label.class);
    assertTrue(verdict.getText().startsWith("Usable"), verdict.getText());
    assertTrue(
        model.problems().stream().anyMatch(p -> p.path().endsWith("broken.png")),
        model.problems().toString());
    assertTrue(
        robot.window(0).getScene().getWindow() instanceof Stage s && s.getTitle().contains("data"));
  }

  @Test
  void aDatasetCheckRowLeadsToItsImage(FxRobot robot) throws Exception {
    Path data = tmp.resolve("check-jump");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(4, 2, 1), Progress.NONE);
    Files.write(data.resolve("train/iv/broken.png"), new byte[] {1, 2, 3});
    openAndWait(robot, data);
    // A filter that hides the row: the jump must turn it off.
    robot.interact(() -> images.filters().labelProperty().set("x"));
    robot.interact(
        () ->
            tabs()
                .getSelectionModel()
                .select(
                    tabs().getTabs().stream()
                        .filter(t -> t.getId().equals("summary-tab"))
                        .findFirst()
                        .orElseThrow()));
    TableView<?> problems =
        robot.from(scene.getRoot()).lookup("#problems-table").queryAs(TableView.class);
    int broken =
        model
            .problems()
            .indexOf(
                model.problems().stream()
                    .filter(p -> p.path().endsWith("broken.png"))
                    .findFirst()
                    .orElseThrow());
    robot.interact(
        () -> {
          problems.getSelectionModel().clearAndSelect(broken);
          problems.requestFocus();
        });
    Screenshots.save(robot, scene, "item5-dataset-check");
    // Every cell with text carries it whole as its tooltip (a long path or detail is cut).
    List<javafx.scene.control.Labeled> cells =
        robot.from(problems).lookup(".table-cell").queryAll().stream()
            .map(javafx.scene.control.Labeled.class::cast)
            .filter(c -> c.getText() != null && !c.getText().isEmpty())
            .toList();
    assertTrue(!cells.isEmpty());
    assertTrue(
        cells.stream()
            .allMatch(c -> c.getTooltip() != null && c.getText().equals(c.getTooltip().getText())),
        "a problem's cell without its text as a tooltip");
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("images-tab", tabs().getSelectionModel().getSelectedItem().getId());
    TableView<?> table =
        robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    Object selected = table.getSelectionModel().getSelectedItem();
    assertTrue(
        selected instanceof ImageItem i && i.path().equals("train/iv/broken.png"),
        String.valueOf(selected));
    assertEquals("", images.filters().labelProperty().get());
    Screenshots.save(robot, scene, "item5-dataset-check-jumped");
  }

  @Test
  void theButtonOpensTheSampleAndTheWindowRenders(FxRobot robot) throws Exception {
    doAndWait(robot, () -> robot.from(scene.getRoot()).lookup("#open-sample").queryButton().fire());
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
    slowEvaluation.set(true);
    robot.interact(() -> images.evaluate(TrainingConfig.quick()));
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> wiring.session().taskProperty().get() != null);
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () ->
            robot
                .from(scene.getRoot())
                .lookup("#progress-text")
                .queryAs(Label.class)
                .getText()
                .startsWith("train epoch 1/30 · 0% of the whole job"));
    doAndWait(robot, () -> robot.from(scene.getRoot()).lookup("#cancel-task").queryButton().fire());
    slowEvaluation.set(false);
    Label status = robot.from(scene.getRoot()).lookup("#status-text").queryAs(Label.class);
    assertEquals("Cancelled; nothing was changed.", status.getText());
    assertTrue(images.headlineProperty().get().startsWith("No run yet"));
  }

  @Test
  void theOverallProgressShowsTheTimeLeftAndItsBarMatchesItsText(FxRobot robot) throws Exception {
    Path data = tmp.resolve("paced");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(4, 2, 1), Progress.NONE);
    openAndWait(robot, data);
    pacedEvaluation.set(true);
    robot.interact(() -> images.evaluate(TrainingConfig.quick()));
    Label text = robot.from(scene.getRoot()).lookup("#progress-text").queryAs(Label.class);
    javafx.scene.control.ProgressBar bar =
        robot
            .from(scene.getRoot())
            .lookup("#progress-bar")
            .queryAs(javafx.scene.control.ProgressBar.class);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text.getText().endsWith(" left"));
    String[] shown = new String[1];
    double[] fraction = new double[1];
    robot.interact(
        () -> {
          shown[0] = text.getText();
          fraction[0] = bar.getProgress();
        });
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "^train epoch \\d+/30 · (\\d+)% of the whole job · about \\d+ (s|min) left$")
            .matcher(shown[0]);
    assertTrue(m.find(), shown[0]);
    assertEquals(Integer.parseInt(m.group(1)), Math.round(100 * fraction[0]), shown[0]);
    assertTrue(fraction[0] > 0 && fraction[0] < 1, "a whole-job fraction: " + fraction[0]);
    assertTrue(bar.isVisible() && text.isVisible());
    Screenshots.save(robot, scene, "item6-overall-progress-time-left");
    doAndWait(robot, () -> robot.from(scene.getRoot()).lookup("#cancel-task").queryButton().fire());
    pacedEvaluation.set(false);
    assertFalse(bar.isVisible(), "no bar once the job ended");
  }

  @Test
  void aHotkeyRelabelsTheSelectedImageAndCtrlZUndoesIt(FxRobot robot) throws Exception {
    Path data = tmp.resolve("keys");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(3, 1, 1), Progress.NONE);
    openAndWait(robot, data);
    @SuppressWarnings("unchecked")
    TableView<ImageItem> table =
        robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    ImageItem first =
        table.getItems().stream()
            .filter(i -> i.path().startsWith("train/i/"))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        table.getItems().size()
                            + " rows, status "
                            + wiring.session().statusProperty().get()));
    String name = first.fileName();
    robot.interact(
        () -> {
          table.getSelectionModel().clearAndSelect(table.getItems().indexOf(first));
        });
    pressAndWait(robot, table, KeyCode.DIGIT4);
    assertTrue(
        Files.exists(data.resolve("train/iv/" + name)), wiring.session().statusProperty().get());
    assertTrue(wiring.session().statusProperty().get().startsWith("Relabelled 1 image to iv"));

    pressAndWait(robot, table, KeyCode.CONTROL, KeyCode.Z);
    assertTrue(
        Files.exists(data.resolve("train/i/" + name)), wiring.session().statusProperty().get());

    robot.interact(
        () -> {
          ImageItem again =
              table.getItems().stream().filter(i -> i.fileName().equals(name)).findFirst().get();
          table.getSelectionModel().clearAndSelect(table.getItems().indexOf(again));
        });
    pressAndWait(robot, table, KeyCode.DELETE);
    assertTrue(
        Files.exists(data.resolve(".databoost/trash")), wiring.session().statusProperty().get());
    assertTrue(Files.notExists(data.resolve("train/i/" + name)));
    pressAndWait(robot, table, KeyCode.CONTROL, KeyCode.Z);
    assertTrue(Files.exists(data.resolve("train/i/" + name)), "restored by undo");
  }

  @Test
  void boostShowsItsRoundsAndTheAddedImagesFilter(FxRobot robot) throws Exception {
    Path data = tmp.resolve("boosted");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    openAndWait(robot, data);
    assertTrue(
        !robot.from(scene.getRoot()).lookup("#boost").queryButton().isDisabled(),
        "Boost is enabled once a dataset is open");
    BoostOptions options =
        new BoostOptions(
            600,
            3,
            1,
            110,
            "glyph",
            TrainingConfig.quick().withEpochs(2).withThreads(1).withBatchSize(16),
            false,
            false,
            5,
            0.99f,
            1.0);
    doAndWait(robot, () -> images.boost(options));
    BoostReport report = images.lastBoostProperty().get();
    assertTrue(report != null, wiring.session().statusProperty().get());
    assertEquals(
        "boost-tab", tabs().getSelectionModel().getSelectedItem().getId(), "results are shown");
    TableView<?> rounds =
        robot.from(scene.getRoot()).lookup("#boost-rounds").queryAs(TableView.class);
    assertEquals(report.rounds().size(), rounds.getItems().size());
    Label headline = robot.from(scene.getRoot()).lookup("#boost-headline").queryAs(Label.class);
    assertTrue(
        headline.getText().contains("Boost round") || headline.getText().startsWith("Boost kept"),
        headline.getText());
    assertTrue(wiring.session().statusProperty().get().startsWith("Boost: val"));
    @SuppressWarnings("unchecked")
    javafx.scene.chart.LineChart<Number, Number> overRounds =
        robot
            .from(scene.getRoot())
            .lookup("#boost-rounds-chart")
            .queryAs(javafx.scene.chart.LineChart.class);
    assertEquals("validation", overRounds.getData().get(0).getName());
    assertEquals(
        report.rounds().size() + 1,
        overRounds.getData().get(0).getData().size(),
        "before the first round, then after each");
    assertEquals(
        100 * report.rounds().get(0).valBefore(),
        overRounds.getData().get(0).getData().get(0).getYValue().doubleValue(),
        1e-9);
    @SuppressWarnings("unchecked")
    javafx.scene.chart.BarChart<String, Number> perClass =
        robot
            .from(scene.getRoot())
            .lookup("#boost-per-class-chart")
            .queryAs(javafx.scene.chart.BarChart.class);
    org.databoost.boost.RoundReport last = report.rounds().get(report.rounds().size() - 1);
    assertEquals(
        List.of("before", "after"), perClass.getData().stream().map(d -> d.getName()).toList());
    assertEquals(last.perClass().size(), perClass.getData().get(1).getData().size());
    assertEquals(
        100 * last.perClass().get(0).after(),
        perClass.getData().get(1).getData().get(0).getYValue().doubleValue(),
        1e-9);
    Screenshots.save(robot, scene, "item6-boost-charts");
    if (report.keptImages() > 0) {
      // Unrelated filters that would hide the added images: Show added images resets them.
      robot.interact(
          () -> {
            images.filters().labelProperty().set("ii");
            images.filters().flaggedOnlyProperty().set(true);
          });
      robot.interact(
          () -> robot.from(scene.getRoot()).lookup("#boost-show-added").queryButton().fire());
      @SuppressWarnings("unchecked")
      TableView<ImageItem> table =
          robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
      assertEquals(report.keptImages(), table.getItems().size());
      assertTrue(table.getItems().stream().allMatch(ImageItem::addedByBoost));
      robot.interact(() -> images.filters().boostAddedOnlyProperty().set(false));
    }
    // An edit after the last round: the Boost tab counts it; its undo takes that back. (Counted
    // from what the tab said before: the round's own run may already be behind the journal.)
    Label stale = robot.from(scene.getRoot()).lookup("#boost-out-of-date").queryAs(Label.class);
    String said = stale.getText();
    java.util.regex.Matcher n =
        java.util.regex.Pattern.compile("(\\d+) edits? since").matcher(said);
    int edits = n.find() ? Integer.parseInt(n.group(1)) : 0;
    ImageItem some =
        images.allRows().stream()
            .filter(i -> i.in(org.databoost.dataset.Split.TRAIN))
            .findFirst()
            .orElseThrow();
    String other = some.given().equals("i") ? "ii" : "i";
    doAndWait(robot, () -> images.edits().relabel(List.of(some), other));
    assertEquals(
        "The dataset changed after the last round's run: "
            + org.databoost.app.runs.EditsSince.describe(edits + 1)
            + ".",
        stale.getText());
    Screenshots.save(robot, scene, "item1-boost-out-of-date");
    doAndWait(robot, () -> images.edits().undo());
    assertEquals(said, stale.getText(), "the undo matches the journal again");
  }

  @Test
  void theMapComputesAPointPerImageAndABoxFiltersTheTable(FxRobot robot) throws Exception {
    Path data = tmp.resolve("mapped");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    openAndWait(robot, data);
    robot.interact(() -> robot.from(scene.getRoot()).lookup("#compute-map").queryButton().fire());
    WaitForAsyncUtils.waitFor(
        120,
        TimeUnit.SECONDS,
        () -> !map.busyProperty().get() && !map.pointsProperty().get().isEmpty());
    assertEquals(90, map.pointsProperty().get().size(), wiring.session().statusProperty().get());

    Set<String> three =
        Set.of(
            map.pointsProperty().get().get(0).path(),
            map.pointsProperty().get().get(1).path(),
            map.pointsProperty().get().get(2).path());
    robot.interact(() -> images.filters().mapSelectionProperty().set(three));
    TableView<?> table =
        robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    assertEquals(3, table.getItems().size());
    robot.interact(() -> images.filters().mapSelectionProperty().set(Set.of()));
    assertEquals(100, table.getItems().size());
  }

  @Test
  void anUnusableFolderIsShownAsSuch(FxRobot robot) throws Exception {
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    openAndWait(robot, empty);
    Label verdict = robot.from(scene.getRoot()).lookup(".verdict").queryAs(Label.class);
    assertTrue(verdict.getText().startsWith("Not usable"), verdict.getText());
    assertTrue(verdict.getStyleClass().contains("verdict-bad"));
  }
}

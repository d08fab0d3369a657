package org.databoost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Side;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.databoost.app.images.ImageItem;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.runs.RunInfo;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's menus and dialogs as a user sees them, each left as a picture in target/screenshots
 * with the popup drawn over the window: the context menu on a multi-selection, the Evaluate dialog,
 * the run picker showing an older run, and the export dialog's choice of run. None cuts off text.
 * The filters: the label filter counts each label's images, the split filter lists only the
 * dataset's splits, and a table cell too narrow for its text has the whole text as its tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class WindowPicturesTest {
  @TempDir static Path tmp;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Wiring wiring;
  private ImagesViewModel images;
  private Scene scene;

  @Start
  void start(Stage stage) {
    wiring = WindowModels.create(tmp, background);
    images = wiring.images();
    scene = WindowModels.showAtDefaultSize(stage, wiring, tmp);
  }

  @BeforeEach
  void openAndEvaluate(FxRobot robot) throws Exception {
    Path data = tmp.resolve("data-" + System.nanoTime());
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(10, 5, 1), Progress.NONE);
    doAndWait(robot, () -> wiring.summary().open(data));
    doAndWait(robot, () -> images.evaluate(TrainingConfig.quick().withThreads(1)));
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  private void doAndWait(FxRobot robot, Runnable action) throws Exception {
    WindowModels.doAndWait(robot, wiring, action);
  }

  /**
   * Presses a toolbar button whose dialog waits for an answer (so not inside interact, which would
   * wait too); returns the dialog's pane once it shows.
   */
  private DialogPane openDialog(FxRobot robot, String buttonId) throws Exception {
    Button b = robot.from(scene.getRoot()).lookup(buttonId).queryButton();
    Platform.runLater(b::fire);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogWindow() != null);
    WaitForAsyncUtils.waitForFxEvents();
    robot.sleep(200);
    return (DialogPane) dialogWindow().getScene().getRoot();
  }

  private static Window dialogWindow() {
    return Window.getWindows().stream()
        .filter(w -> w.isShowing() && w.getScene() != null)
        .filter(w -> w.getScene().getRoot() instanceof DialogPane)
        .findFirst()
        .orElse(null);
  }

  private void cancel(FxRobot robot, DialogPane pane) throws Exception {
    robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).fire());
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogWindow() == null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theContextMenuOnAMultiSelectionCountsItsImages(FxRobot robot) {
    TableView<ImageItem> table =
        robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().selectRange(2, 6));
    ContextMenu menu = table.getContextMenu();
    robot.interact(() -> menu.show(table, Side.TOP, 260, 160));
    robot.sleep(200);
    assertEquals("4 images selected", menu.getItems().get(0).getText());
    Screenshots.saveWithPopups(robot, scene, "item3-context-menu");
    robot.interact(menu::hide);
  }

  @Test
  void theEvaluateDialogOffersPresetFoldsAndThreadsWithAnEstimate(FxRobot robot) throws Exception {
    DialogPane pane = openDialog(robot, "#evaluate");
    String estimate = robot.from(pane).lookup("#evaluate-estimate").queryAs(Label.class).getText();
    assertTrue(estimate.contains("training images"), estimate);
    Screenshots.saveWithPopups(robot, scene, "item6-evaluate-dialog");
    List<String> clipped = Screenshots.clippedTexts(robot, pane);
    cancel(robot, pane);
    assertEquals(List.of(), clipped);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theRunPickerShowsAnOlderRunAndSaysSo(FxRobot robot) throws Exception {
    doAndWait(robot, () -> images.evaluate(TrainingConfig.quick().withThreads(1).withFolds(3)));
    ChoiceBox<RunInfo> picker =
        robot.from(scene.getRoot()).lookup("#run-picker").queryAs(ChoiceBox.class);
    assertEquals(2, picker.getItems().size());
    RunInfo older = picker.getItems().stream().filter(r -> r.id() == 1).findFirst().orElseThrow();
    doAndWait(robot, () -> picker.setValue(older));
    assertEquals(1, images.shownRunProperty().get().id());
    assertTrue(picker.getValue().title().startsWith("Run #1"), picker.getValue().title());
    robot.interact(picker::show);
    robot.sleep(300);
    Screenshots.saveWithPopups(robot, scene, "item6-run-picker");
    robot.interact(picker::hide);
    assertEquals(List.of(), Screenshots.clippedTexts(robot, picker));
  }

  @Test
  void theExportDialogAsksWhichRun(FxRobot robot) throws Exception {
    DialogPane pane = openDialog(robot, "#export");
    assertTrue(pane.getHeaderText().startsWith("Which run"), pane.getHeaderText());
    Screenshots.saveWithPopups(robot, scene, "item7-export-dialog");
    List<String> clipped = Screenshots.clippedTexts(robot, pane);
    cancel(robot, pane);
    assertEquals(List.of(), clipped);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFiltersCountLabelsOfferOnlyTheDatasetsSplitsAndCutOffCellsHaveTooltips(FxRobot robot) {
    ChoiceBox<String> splits =
        robot.from(scene.getRoot()).lookup("#split-filter").queryAs(ChoiceBox.class);
    assertEquals(List.of("", "train", "val", "label_book"), splits.getItems(), "no test/ here");
    ChoiceBox<String> labels =
        robot.from(scene.getRoot()).lookup("#label-filter").queryAs(ChoiceBox.class);
    assertEquals("all labels (160)", labels.getConverter().toString(""));
    assertEquals("iv (16)", labels.getConverter().toString("iv"), "10 train, 5 val, 1 label_book");
    robot.interact(labels::show);
    robot.sleep(300);
    Screenshots.saveWithPopups(robot, scene, "item8-label-filter-counts");
    robot.interact(labels::hide);

    List<TableCell<?, ?>> cut = new ArrayList<>();
    robot.interact(
        () ->
            robot.from(scene.getRoot()).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.isVisible() && c.getText() != null && !c.getText().isEmpty())
                .filter(
                    c ->
                        c.getChildrenUnmodifiable().stream()
                            .anyMatch(n -> n instanceof Text t && !t.getText().equals(c.getText())))
                .forEach(cut::add));
    assertFalse(cut.isEmpty(), "the file names are wider than their column");
    for (TableCell<?, ?> c : cut) {
      assertTrue(c.getTooltip() != null, c.getText() + " has no tooltip");
      assertEquals(c.getText(), c.getTooltip().getText());
    }
  }

  @Test
  void afterAJobTheStatusTextHasTheWholeBarAgain(FxRobot robot) {
    String longLine =
        "Evaluated: val accuracy 65.1% · label_book accuracy 59.6% · train accuracy 62.9% (out"
            + " of sample, 3 folds); 234 images flagged.";
    robot.interact(() -> wiring.session().say(longLine));
    Label status = robot.from(scene.getRoot()).lookup("#status-text").queryAs(Label.class);
    assertEquals(longLine, status.getText());
    assertEquals(List.of(), Screenshots.clippedTexts(robot, status.getParent()));
  }
}

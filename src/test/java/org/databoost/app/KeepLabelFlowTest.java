package org.databoost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.databoost.app.images.ImageItem;
import org.databoost.app.images.ImagesViewModel;
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

/**
 * A flag the user judges wrong, dismissed in the real window: K keeps the label, the image leaves
 * the Flagged filter and the next flagged image comes up, the row and the viewer say the label was
 * kept, the context menu offers the same, and Ctrl+Z brings the flag back.
 */
@ExtendWith(ApplicationExtension.class)
class KeepLabelFlowTest {
  @TempDir static Path tmp;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Wiring wiring;
  private ImagesViewModel images;
  private Scene scene;
  private TableView<ImageItem> table;

  @Start
  void start(Stage stage) {
    wiring = WindowModels.create(tmp, background);
    images = wiring.images();
    scene = WindowModels.showAtDefaultSize(stage, wiring, tmp);
  }

  @BeforeEach
  @SuppressWarnings("unchecked")
  void openAndEvaluate(FxRobot robot) throws Exception {
    Path data = tmp.resolve("data-" + System.nanoTime());
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(10, 5, 1), Progress.NONE);
    WindowModels.doAndWait(robot, wiring, () -> wiring.summary().open(data));
    WindowModels.doAndWait(
        robot, wiring, () -> images.evaluate(TrainingConfig.quick().withThreads(1)));
    table = robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  private void press(FxRobot robot, KeyCode... keys) throws Exception {
    int before = wiring.session().finishedJobsProperty().get();
    robot.press(keys).release(keys);
    WindowModels.awaitIdle(wiring.session(), before);
  }

  private String status() {
    return wiring.session().statusProperty().get();
  }

  private ImageItem row(String path) {
    return images.allRows().stream().filter(i -> i.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void kKeepsTheLabelTheNextFlagComesUpAndCtrlZBringsTheFlagBack(FxRobot robot) throws Exception {
    CheckBox flaggedOnly =
        robot.from(scene.getRoot()).lookup("#flagged-only").queryAs(CheckBox.class);
    robot.interact(flaggedOnly::fire);
    List<ImageItem> flagged = List.copyOf(table.getItems());
    assertTrue(flagged.size() >= 3, flagged.size() + " flagged");
    ImageItem first = flagged.get(0);

    // The context menu offers it, with its key.
    robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
    ContextMenu menu = table.getContextMenu();
    robot.interact(
        () -> menu.getOnShowing().handle(new WindowEvent(menu, WindowEvent.WINDOW_SHOWING)));
    MenuItem keep =
        menu.getItems().stream().filter(m -> "menu-keep".equals(m.getId())).findFirst().get();
    assertEquals("The flag is wrong: keep the label  K", keep.getText());
    assertFalse(keep.isDisable());

    robot.interact(
        () -> {
          table.getSelectionModel().clearAndSelect(0);
          table.requestFocus();
        });
    int edits = images.history().size();
    press(robot, KeyCode.K);
    assertTrue(status().startsWith("Kept the label of " + first.fileName()), status());
    assertEquals(edits, images.history().size(), "no file changed");
    assertEquals(flagged.size() - 1, table.getItems().size(), "out of the Flagged filter");
    assertEquals(flagged.get(1).path(), table.getSelectionModel().getSelectedItem().path());
    assertTrue(row(first.path()).keptFlag());

    // Shown as kept, in the resolved colour, where the filter lets it through.
    robot.interact(flaggedOnly::fire);
    robot.interact(
        () -> {
          int at = table.getItems().indexOf(row(first.path()));
          table.getSelectionModel().clearAndSelect(at);
          table.scrollTo(Math.max(0, at - 3));
        });
    String kept = "label kept (" + first.issue() + ")";
    TableCell<?, ?> cell =
        robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class).stream()
            .filter(c -> kept.equals(c.getText()))
            .findFirst()
            .orElseThrow();
    assertTrue(cell.getStyleClass().contains("resolved"), cell.getStyleClass().toString());
    List<String> suggested =
        robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class).stream()
            .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() != null)
            .filter(c -> ((ImageItem) c.getTableRow().getItem()).path().equals(first.path()))
            .filter(c -> "Suggested".equals(c.getTableColumn().getText()))
            .map(c -> c.getText() == null ? "" : c.getText())
            .toList();
    assertEquals(List.of(""), suggested, "no suggestion left on a kept label");
    Label viewer = robot.from(scene.getRoot()).lookup(".viewer-labels").queryAs(Label.class);
    assertTrue(viewer.getText().contains("you kept the label"), viewer.getText());
    Screenshots.save(robot, scene, "item1-label-kept");

    robot.interact(table::requestFocus);
    press(robot, KeyCode.CONTROL, KeyCode.Z);
    assertTrue(status().startsWith("Undid keeping the label of 1 image"), status());
    assertTrue(row(first.path()).flagged(), "flagged again");
    assertEquals(edits, images.history().size(), "still no journal entry");
  }
}

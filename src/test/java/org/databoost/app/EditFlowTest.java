package org.databoost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.databoost.app.images.ImageItem;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.dataset.Split;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.OpKind;
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
 * The edit flows in the real window, headless, by keys and menus as a user works: a flagged image
 * fixed with Enter shows resolved and the next flagged row comes up, the run line says it is out of
 * date until Ctrl+Z, Enter on an unflagged image says why, a batch from the context menu is one
 * edit, the gallery shows the same rows and selection, and keys still work after visiting another
 * tab. Each flow leaves a picture in target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class EditFlowTest {
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
    doAndWait(robot, () -> wiring.summary().open(data));
    doAndWait(robot, () -> images.evaluate(TrainingConfig.quick().withThreads(1)));
    table = robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  private void doAndWait(FxRobot robot, Runnable action) throws Exception {
    WindowModels.doAndWait(robot, wiring, action);
  }

  private void press(FxRobot robot, KeyCode... keys) throws Exception {
    int before = wiring.session().finishedJobsProperty().get();
    robot.press(keys).release(keys);
    WindowModels.awaitIdle(wiring.session(), before);
  }

  private String status() {
    return wiring.session().statusProperty().get();
  }

  private String headline(FxRobot robot) {
    return robot.from(scene.getRoot()).lookup("#run-headline").queryAs(Label.class).getText();
  }

  @Test
  void enterFixesAFlaggedImageTheNextComesUpAndUndoMakesTheRunCurrentAgain(FxRobot robot)
      throws Exception {
    robot.interact(
        () -> robot.from(scene.getRoot()).lookup("#flagged-only").queryAs(CheckBox.class).fire());
    List<ImageItem> flagged = List.copyOf(table.getItems());
    assertTrue(flagged.size() >= 4, flagged.size() + " flagged");
    robot.interact(
        () -> {
          table.getSelectionModel().clearAndSelect(0);
          table.requestFocus();
        });
    int edits = images.history().size();
    press(robot, KeyCode.ENTER);
    assertEquals(edits + 1, images.history().size(), status());
    assertEquals(flagged.get(1).path(), table.getSelectionModel().getSelectedItem().path());
    ImageItem fixed =
        table.getItems().stream()
            .filter(i -> i.fileName().equals(flagged.get(0).fileName()))
            .findFirst()
            .orElseThrow();
    assertTrue(fixed.editedSinceRun(), fixed.toString());
    assertEquals("resolved (label error)", fixed.issueText());
    assertTrue(headline(robot).contains("out of date: 1 edit since"), headline(robot));
    // The resolved flag's text is never lost: shown whole, or whole in the cell's tooltip.
    javafx.scene.control.TableCell<?, ?> resolved =
        robot
            .from(table)
            .lookup(".table-cell")
            .queryAllAs(javafx.scene.control.TableCell.class)
            .stream()
            .filter(c -> "resolved (label error)".equals(c.getText()))
            .findFirst()
            .orElseThrow();
    boolean cut =
        Screenshots.clippedTexts(robot, table)
            .contains("resolved (label error) (shown as: " + shownText(resolved) + ")");
    assertTrue(
        !cut
            || (resolved.getTooltip() != null
                && resolved.getTooltip().getText().equals("resolved (label error)")),
        "cut off without a tooltip");
    Screenshots.save(robot, scene, "item1-resolved-and-next");

    press(robot, KeyCode.CONTROL, KeyCode.Z);
    assertEquals(OpKind.UNDO, images.history().get(images.history().size() - 1).kind(), status());
    assertFalse(headline(robot).contains("out of date"), headline(robot));
    assertTrue(table.getItems().stream().noneMatch(ImageItem::editedSinceRun));

    robot.interact(
        () -> robot.from(scene.getRoot()).lookup("#flagged-only").queryAs(CheckBox.class).fire());
    robot.interact(
        () ->
            table
                .getSelectionModel()
                .clearAndSelect(
                    table
                        .getItems()
                        .indexOf(
                            table.getItems().stream()
                                .filter(i -> !i.flagged())
                                .findFirst()
                                .orElseThrow())));
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    assertTrue(status().contains("is not flagged"), status());
    Label said = robot.from(scene.getRoot()).lookup("#status-text").queryAs(Label.class);
    assertEquals(status(), said.getText());
  }

  /** The text a labelled control draws (shortened with an ellipsis when cut off). */
  private static String shownText(javafx.scene.control.Labeled l) {
    return l.getChildrenUnmodifiable().stream()
        .filter(n -> n instanceof javafx.scene.text.Text)
        .map(n -> ((javafx.scene.text.Text) n).getText())
        .findFirst()
        .orElse("");
  }

  @Test
  void withNextImageOffARelabelKeepsTheViewerOnTheSameImage(FxRobot robot) throws Exception {
    CheckBox advance =
        robot.from(scene.getRoot()).lookup("#advance-after-edit").queryAs(CheckBox.class);
    assertTrue(advance.isSelected(), "on by default");
    robot.interact(advance::fire);
    assertFalse(images.edits().advanceProperty().get());
    robot.interact(
        () -> {
          table.getSelectionModel().clearAndSelect(3);
          table.requestFocus();
        });
    ImageItem before = table.getSelectionModel().getSelectedItem();
    String label = before.given().equals("i") ? "ii" : "i";
    int edits = images.history().size();
    press(robot, label.equals("i") ? KeyCode.DIGIT1 : KeyCode.DIGIT2);
    assertEquals(edits + 1, images.history().size(), status());
    ImageItem after = table.getSelectionModel().getSelectedItem();
    assertEquals(before.fileName(), after.fileName(), "the same image, relabelled");
    assertEquals(label, after.given());
    Label viewerLabels = robot.from(scene.getRoot()).lookup("#viewer-labels").queryAs(Label.class);
    assertTrue(
        viewerLabels.getText().startsWith("Given: " + label + " "),
        "the viewer shows it: " + viewerLabels.getText());
    Screenshots.save(robot, scene, "item1-next-image-off");
  }

  @Test
  void theFinishedNoticeOfAJobKeepsTheTablesSelection(FxRobot robot) throws Exception {
    robot.interact(() -> table.getSelectionModel().clearAndSelect(7));
    String chosen = table.getSelectionModel().getSelectedItem().path();
    doAndWait(robot, () -> images.evaluate(TrainingConfig.quick().withThreads(1)));
    assertTrue(status().startsWith("Evaluated"), status());
    Label said = robot.from(scene.getRoot()).lookup("#status-text").queryAs(Label.class);
    assertEquals(status(), said.getText(), "the notice is on the status line");
    assertEquals(chosen, table.getSelectionModel().getSelectedItem().path(), "still selected");
    assertEquals(1, table.getSelectionModel().getSelectedItems().size());
  }

  @Test
  void aBatchFromTheContextMenuIsOneEditAndKeysWorkAfterAnotherTab(FxRobot robot) throws Exception {
    robot.interact(() -> table.getSelectionModel().selectRange(0, 3));
    List<ImageItem> three = List.copyOf(table.getSelectionModel().getSelectedItems());
    String target = three.get(0).given().equals("ix") ? "x" : "ix";
    int edits = images.history().size();
    ContextMenu menu = table.getContextMenu();
    // Monocle opens no menus: fill it as opening would, then fire its item.
    robot.interact(
        () -> menu.getOnShowing().handle(new WindowEvent(menu, WindowEvent.WINDOW_SHOWING)));
    assertEquals("3 images selected", menu.getItems().get(0).getText());
    assertTrue(
        menu.getItems().stream()
            .filter(m -> "menu-relabel".equals(m.getId()))
            .flatMap(m -> ((Menu) m).getItems().stream())
            .anyMatch(m -> "menu-relabel-new".equals(m.getId())),
        "a label by name is asked for, and a new one confirmed");
    doAndWait(
        robot,
        () ->
            menu.getItems().stream()
                .filter(m -> "menu-relabel".equals(m.getId()))
                .findFirst()
                .map(m -> ((Menu) m).getItems())
                .orElseThrow()
                .stream()
                .filter(m -> ("menu-relabel-" + target).equals(m.getId()))
                .findFirst()
                .orElseThrow()
                .fire());
    assertEquals(edits + 1, images.history().size(), status());
    assertTrue(status().startsWith("Relabelled "), status());

    TabPane tabs = robot.from(scene.getRoot()).lookup(".tab-pane").queryAs(TabPane.class);
    robot.interact(() -> tabs.getSelectionModel().select(1));
    robot.interact(() -> tabs.getSelectionModel().select(0));
    robot.interact(
        () -> {
          table.getSelectionModel().clearAndSelect(5);
          tabs.requestFocus(); // the focus is on the tab headers, as after a click on a tab
        });
    ImageItem sixth = table.getItems().get(5);
    String label = sixth.given().equals("i") ? "ii" : "i";
    press(robot, label.equals("i") ? KeyCode.DIGIT1 : KeyCode.DIGIT2);
    assertEquals(edits + 2, images.history().size(), status());
    assertTrue(status().startsWith("Relabelled 1 image to " + label), status());
  }

  @Test
  void atTheDefaultWindowSizeTheTableShowsEveryColumnWithoutScrollingSideways(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    double columns =
        table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
    ScrollBar sideways =
        robot.from(table).lookup(".scroll-bar").queryAllAs(ScrollBar.class).stream()
            .filter(b -> b.getOrientation() == Orientation.HORIZONTAL)
            .findFirst()
            .orElseThrow();
    assertFalse(
        sideways.isVisible(),
        "columns " + columns + " px in a table " + table.getWidth() + " px wide at 1280 x 800");
    // Sorted by any column, its header keeps its whole title beside the sort arrow.
    javafx.scene.Parent headers =
        robot.from(table).lookup(".column-header-background").queryAs(javafx.scene.Parent.class);
    List<String> cut = new java.util.ArrayList<>();
    for (TableColumn<ImageItem, ?> column : List.copyOf(table.getVisibleLeafColumns())) {
      if (!column.isSortable()) {
        continue;
      }
      robot.interact(() -> table.getSortOrder().setAll(List.of(column)));
      WaitForAsyncUtils.waitForFxEvents();
      robot.sleep(100); // the header puts its arrow in on a layout pass, then the room is made
      WaitForAsyncUtils.waitForFxEvents();
      cut.addAll(Screenshots.clippedTexts(robot, headers));
      if (column.getText().equals("Quality")) {
        Screenshots.save(robot, scene, "item8-sorted-by-quality");
      }
      assertFalse(sideways.isVisible(), "sorted by " + column.getText() + ": scrolls sideways");
    }
    assertEquals(List.of(), cut, "sorted headers cut off at 1280 x 800");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTablesThumbnailSizeIsChosenAndCtrlQQuitsFromTheFileMenu(FxRobot robot) {
    javafx.scene.control.ChoiceBox<Integer> sizes =
        robot
            .from(scene.getRoot())
            .lookup("#thumb-size")
            .queryAs(javafx.scene.control.ChoiceBox.class);
    robot.interact(() -> sizes.setValue(96));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(102, table.getFixedCellSize(), 0.01, "96 px thumbnails in rows of 102 px");
    Screenshots.save(robot, scene, "item2-table-thumbnails-96");
    javafx.scene.control.MenuBar bar =
        robot.from(scene.getRoot()).lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
    javafx.scene.control.MenuItem quit =
        bar.getMenus().get(0).getItems().stream()
            .filter(m -> "menu-quit".equals(m.getId()))
            .findFirst()
            .orElseThrow();
    assertEquals("File", bar.getMenus().get(0).getText());
    assertEquals("Shortcut+Q", quit.getAccelerator().getName());
    // The toolkit stays up for the next test once this window is closed.
    javafx.application.Platform.setImplicitExit(false);
    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(scene.getWindow().isShowing(), "Ctrl+Q closes the window");
  }

  @Test
  void theSplitColumnShowsEverySplitNameWhole(FxRobot robot) {
    for (String split : List.of("train", "val", "label_book")) {
      robot.interact(() -> images.filters().splitProperty().set(split));
      WaitForAsyncUtils.waitForFxEvents();
      assertFalse(table.getItems().isEmpty(), "no " + split + " rows");
      List<String> cut =
          Screenshots.clippedTexts(robot, table).stream()
              .filter(t -> t.startsWith(split + " "))
              .toList();
      assertEquals(List.of(), cut, "Split cells cut off at 1280 x 800");
    }
    Screenshots.save(robot, scene, "item8-split-column-label-book");
  }

  /**
   * A tile's view shows a picture: visible, cropped to a picture's size, and the pixels it shows
   * were written (a decoded picture is opaque; the tile's image starts transparent).
   */
  private static boolean showsAPicture(javafx.scene.image.ImageView v) {
    javafx.scene.image.Image i = v.getImage();
    javafx.geometry.Rectangle2D crop = v.getViewport();
    if (!v.isVisible() || i == null || crop == null || crop.getWidth() < 1) {
      return false;
    }
    javafx.scene.image.PixelReader r = i.getPixelReader();
    int x = (int) (crop.getWidth() / 2);
    int y = (int) (crop.getHeight() / 2);
    return (r.getArgb(x, y) >>> 24) == 0xff;
  }

  @Test
  void theGalleryShowsTheSameRowsAndSharesTheSelection(FxRobot robot) throws Exception {
    ToggleButton gallery =
        robot.from(scene.getRoot()).lookup("#show-gallery").queryAs(ToggleButton.class);
    robot.interact(gallery::fire);
    ListView<?> grid = robot.from(scene.getRoot()).lookup("#image-gallery").queryAs(ListView.class);
    assertTrue(grid.isVisible());
    assertFalse(table.isVisible());
    robot.interact(() -> table.getSelectionModel().selectRange(2, 5));
    robot.interact(() -> images.filters().labelProperty().set("iv"));
    // Thumbnails are decoded off the FX thread once their tiles stay in view: every tile shown
    // gets its picture.
    WaitForAsyncUtils.waitFor(
        10,
        java.util.concurrent.TimeUnit.SECONDS,
        () ->
            robot.from(grid).lookup(".gallery-tile").queryAll().stream()
                        .filter(javafx.scene.Node::isVisible)
                        .count()
                    > 0
                && robot.from(grid).lookup(".gallery-tile").queryAll().stream()
                    .filter(javafx.scene.Node::isVisible)
                    .allMatch(
                        t ->
                            robot.from(t).lookup(".image-view").queryAll().stream()
                                .map(v -> (javafx.scene.image.ImageView) v)
                                .anyMatch(EditFlowTest::showsAPicture)));
    Screenshots.save(robot, scene, "item2-gallery");
    int rows = grid.getItems().size();
    assertTrue(rows >= 1 && rows <= table.getItems().size(), rows + " rows of tiles");
    // Rows of tiles have one fixed height (the list never measures rows as it scrolls) that holds
    // a whole tile with its caption, at any tile size.
    for (double size : new double[] {64, 128, 320}) {
      robot.interact(
          () ->
              robot
                  .from(scene.getRoot())
                  .lookup("#gallery-size")
                  .queryAs(Slider.class)
                  .setValue(size));
      WaitForAsyncUtils.waitForFxEvents();
      ListCell<?> row =
          robot.from(grid).lookup(".gallery-row").queryAllAs(ListCell.class).stream()
              .filter(c -> c.getGraphic() != null)
              .findFirst()
              .orElseThrow();
      double needed =
          row.getGraphic().prefHeight(-1) + row.snappedTopInset() + row.snappedBottomInset();
      assertTrue(grid.getFixedCellSize() > 0, "rows of tiles are measured as the list scrolls");
      assertTrue(
          grid.getFixedCellSize() >= needed,
          "a row of " + size + " px tiles needs " + needed + " px, has " + grid.getFixedCellSize());
    }
  }

  @Test
  void theChartsTabPlotsTheShownRunsEpochsAndItsConfusionMatrix(FxRobot robot) {
    TabPane tabs = robot.from(scene.getRoot()).lookup(".tab-pane").queryAs(TabPane.class);
    robot.interact(
        () ->
            tabs.getSelectionModel()
                .select(
                    tabs.getTabs().stream()
                        .filter(t -> t.getId().equals("charts-tab"))
                        .findFirst()
                        .orElseThrow()));
    @SuppressWarnings("unchecked")
    javafx.scene.chart.LineChart<Number, Number> epochs =
        robot
            .from(scene.getRoot())
            .lookup("#epoch-chart")
            .queryAs(javafx.scene.chart.LineChart.class);
    // The known run's log: "1,0.5,0.8,2.0".
    assertEquals(1, epochs.getData().get(0).getData().size());
    assertEquals(80.0, epochs.getData().get(0).getData().get(0).getYValue().doubleValue(), 1e-9);
    // The known run reads every fifth image of a label as the next label.
    ImageItem wrongVal =
        images.allRows().stream()
            .filter(i -> i.in(Split.VAL) && !i.predicted().equals(i.runGiven()))
            .findFirst()
            .orElseThrow();
    String g = wrongVal.runGiven();
    String p = wrongVal.predicted();
    Label confused =
        robot.from(scene.getRoot()).lookup("#heat-" + g + "-" + p).queryAs(Label.class);
    long expected =
        images.allRows().stream()
            .filter(i -> i.in(Split.VAL) && i.runGiven().equals(g) && i.predicted().equals(p))
            .count();
    assertEquals(Long.toString(expected), confused.getText());
    long ofLabel =
        images.allRows().stream().filter(i -> i.in(Split.VAL) && i.runGiven().equals(g)).count();
    assertTrue(
        confused
            .getTooltip()
            .getText()
            .startsWith("given " + g + ", predicted " + p + ": " + expected + " of " + ofLabel),
        confused.getTooltip().getText());
    Screenshots.save(robot, scene, "item6-run-charts");
  }
}

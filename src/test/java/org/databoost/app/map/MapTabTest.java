package org.databoost.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.databoost.app.MainWindow;
import org.databoost.app.WindowModels;
import org.databoost.app.Wiring;
import org.databoost.app.images.ImageItem;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.app.settings.SettingsFile;
import org.databoost.app.settings.WorkbenchSettings;
import org.databoost.app.summary.DatasetSummaryViewModel;
import org.databoost.dataset.Split;
import org.databoost.map.MapPoint;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
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
 * The map tab in the real main window, headless through Monocle, driven with the mouse: a lasso
 * filters the table, the wheel zooms about the cursor, Reset view undoes it, hovering shows the
 * card, a click and the table's selection find each other. The map's points are laid out on a grid
 * by hand (computing UMAP is another test's business), so every pixel is known.
 */
@ExtendWith(ApplicationExtension.class)
class MapTabTest {
  @TempDir static Path tmp;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private ImagesViewModel images;
  private MapViewModel map;
  private DatasetSummaryViewModel summary;
  private Scene scene;
  private Wiring wiring;
  private Canvas canvas;

  @Start
  void start(Stage stage) {
    wiring = WindowModels.create(tmp, background);
    Wiring models = wiring;
    summary = models.summary();
    images = models.images();
    map = models.map();
    WorkbenchSettings settings =
        WorkbenchSettings.load(new SettingsFile(tmp.resolve("settings.properties")));
    scene = new MainWindow(wiring, settings).show(stage);
  }

  /** Opens a small sample and puts its train and val images on an 8-column grid of the map. */
  @BeforeEach
  void openAndMap(FxRobot robot) throws Exception {
    Path data = tmp.resolve("data-" + System.nanoTime());
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(3, 1, 1), Progress.NONE);
    int before = wiring.session().finishedJobsProperty().get();
    robot.interact(() -> summary.open(data));
    WindowModels.awaitIdle(wiring.session(), before);
    robot.interact(
        () -> {
          List<MapPoint> points = new ArrayList<>();
          for (ImageItem i : images.allRows()) {
            if (i.in(Split.TRAIN) || i.in(Split.VAL)) {
              int k = points.size();
              points.add(
                  new MapPoint(
                      i.path(), i.split().orElseThrow(), i.given(), k % 8, k / 8, false, ""));
            }
          }
          map.show(points);
          robot
              .from(scene.getRoot())
              .lookup(".tab-pane")
              .queryAs(TabPane.class)
              .getSelectionModel()
              .select(1);
        });
    canvas = robot.from(scene.getRoot()).lookup("#map-canvas").queryAs(Canvas.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> canvas.getWidth() > 200);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  /** Where point k (column k % 8, row k / 8) is on the screen. */
  private Point2D screenOf(int k) {
    MapLayout l = map.layout();
    return canvas.localToScreen(l.sx(k), l.sy(k));
  }

  private Point2D screenOf(double canvasX, double canvasY) {
    return canvas.localToScreen(canvasX, canvasY);
  }

  @Test
  void aLassoOnTheMapFiltersTheTableAndClearingShowsEverythingAgain(FxRobot robot) {
    int n = map.pointsProperty().get().size();
    assertEquals(40, n, "30 train + 10 val");
    MapLayout l = map.layout();
    double step = l.sx(1) - l.sx(0);
    double h = Math.min(step / 2, 10); // the top row is only the margin away from the edge
    // An L around column 0 and row 4 (the last row): a concave lasso; (1, 1) is inside its box.
    double x0 = l.sx(0) - h;
    double x1 = l.sx(0) + h;
    double x2 = l.sx(7) + h;
    double y0 = l.sy(0) - h;
    double y1 = l.sy(24) + h;
    double y2 = l.sy(32) + h;
    double[][] lasso = {{x0, y0}, {x1, y0}, {x1, y1}, {x2, y1}, {x2, y2}, {x0, y2}};
    robot.press(KeyCode.SHIFT);
    robot.moveTo(screenOf(lasso[0][0], lasso[0][1]));
    robot.press(MouseButton.PRIMARY);
    for (int i = 1; i <= lasso.length; i++) {
      double[] v = lasso[i % lasso.length];
      robot.moveTo(screenOf(v[0], v[1]));
    }
    robot.release(MouseButton.PRIMARY);
    robot.release(KeyCode.SHIFT);
    WaitForAsyncUtils.waitForFxEvents();

    Set<String> expected = new TreeSet<>();
    for (int k = 0; k < n; k++) {
      if (k % 8 == 0 || k / 8 == 4) {
        expected.add(map.pointsProperty().get().get(k).path());
      }
    }
    assertEquals(12, expected.size(), "5 in the column, 7 more in the row");
    TableView<?> table =
        robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    Set<String> shown = new TreeSet<>();
    for (Object row : table.getItems()) {
      shown.add(((ImageItem) row).path());
    }
    assertEquals(expected, shown);
    Label info = robot.from(scene.getRoot()).lookup("#map-info").queryAs(Label.class);
    assertTrue(info.getText().contains("12 selected"), info.getText());

    robot.clickOn("#clear-selection");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(50, table.getItems().size(), "and the label book, which is not on the map");
  }

  @Test
  void theWheelZoomsAboutTheCursorAndResetViewShowsTheWholeMap(FxRobot robot) {
    int k = 19; // column 3, row 2
    Point2D before = screenOf(k);
    robot.moveTo(before);
    robot.scroll(3, VerticalDirection.UP);
    WaitForAsyncUtils.waitForFxEvents();
    // How far one notch zooms depends on the platform's wheel delta (Monocle's is small).
    assertTrue(Math.abs(map.zoom() - 1) > 0.005, "zoomed: " + map.zoom());
    Point2D after = screenOf(k);
    assertEquals(before.getX(), after.getX(), 1.0, "the point under the cursor stays");
    assertEquals(before.getY(), after.getY(), 1.0);
    Button reset = robot.from(scene.getRoot()).lookup("#reset-view").queryButton();
    assertFalse(reset.isDisabled());

    robot.clickOn(reset);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(map.isZoomed());
    assertTrue(reset.isDisabled());
    assertEquals(before, screenOf(k));
  }

  @Test
  void hoveringAPointShowsItsCardAndAClickSelectsItsRow(FxRobot robot) {
    int k = 9;
    MapPoint p = map.pointsProperty().get().get(k);
    robot.moveTo(screenOf(k).add(2, 1));
    WaitForAsyncUtils.waitForFxEvents();
    VBox card = robot.from(scene.getRoot()).lookup("#hover-card").queryAs(VBox.class);
    assertTrue(card.isVisible());
    Label name = robot.from(scene.getRoot()).lookup("#hover-name").queryAs(Label.class);
    assertEquals(p.path().substring(p.path().lastIndexOf('/') + 1), name.getText());

    robot.clickOn(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    TableView<?> table =
        robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    assertEquals(p.path(), ((ImageItem) table.getSelectionModel().getSelectedItem()).path());
    assertEquals(k, map.highlightedIndex());

    robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
    String first = ((ImageItem) table.getItems().get(0)).path();
    assertEquals(first, map.highlightedProperty().get(), "a row chosen in the table is ringed");
  }

  @Test
  void imagesAddedByBoostAreDrawnAsDiamondsOfTheirOwnColour(FxRobot robot) {
    int k = 12;
    String path = map.pointsProperty().get().get(k).path();
    robot.interact(() -> map.setBoostAdded(Set.of(path)));
    MapLayout l = map.layout();
    int x = l.sx(k);
    int y = l.sy(k);
    WritableImage[] shot = new WritableImage[1];
    robot.interact(() -> shot[0] = canvas.snapshot(null, null));
    PixelReader px = shot[0].getPixelReader();
    assertEquals(MapRaster.BOOST, px.getArgb(x, y));
    assertEquals(MapRaster.BOOST, px.getArgb(x, y - 3), "the diamond's tip");
    assertEquals(MapRaster.BOOST_EDGE, px.getArgb(x + 2, y + 2), "its edge");
    Label count =
        robot.from(scene.getRoot()).lookup("#legend-count-added-by-Boost").queryAs(Label.class);
    assertEquals("1", count.getText(), "the legend counts it");
  }

  @Test
  void colourByGivenLabelHasALegendWithCountsAndEscAndZeroWorkWhereverTheFocusIs(FxRobot robot) {
    @SuppressWarnings("unchecked")
    javafx.scene.control.ChoiceBox<MapColouring> colour =
        robot
            .from(scene.getRoot())
            .lookup("#map-colouring")
            .queryAs(javafx.scene.control.ChoiceBox.class);
    robot.interact(() -> colour.setValue(MapColouring.GIVEN));
    WaitForAsyncUtils.waitForFxEvents();
    MapPoint first = map.pointsProperty().get().get(0);
    Label count =
        robot.from(scene.getRoot()).lookup("#legend-count-" + first.label()).queryAs(Label.class);
    assertEquals("4", count.getText(), "3 train + 1 val of each label");
    MapPalette palette = map.layersProperty().get().palette();
    int category = palette.names().indexOf(first.label());
    MapLayout l = map.layout();
    javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
    robot.interact(() -> shot[0] = canvas.snapshot(null, null));
    assertEquals(
        palette.markers().get(category).colour()[0],
        shot[0].getPixelReader().getArgb(l.sx(0), l.sy(0)),
        "the point has its label's colour");
    org.databoost.app.Screenshots.save(robot, scene, "item4-map-colour-by-given-label");

    // Select a box and zoom, then move the focus off the canvas, onto the tab headers.
    robot.interact(
        () -> {
          map.selectInBox(l.sx(0) - 5, l.sy(0) - 5, l.sx(9) + 5, l.sy(9) + 5);
          map.zoomCentre(2);
        });
    assertFalse(map.selectionProperty().get().isEmpty());
    TabPane tabs = robot.from(scene.getRoot()).lookup(".tab-pane").queryAs(TabPane.class);
    robot.interact(tabs::requestFocus);
    robot.press(KeyCode.DIGIT0).release(KeyCode.DIGIT0);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(map.isZoomed(), "0 shows the whole map");
    robot.interact(() -> robot.lookup("#compute-map").queryButton().requestFocus());
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(map.selectionProperty().get().isEmpty(), "Esc clears the selection");
    assertEquals(MapColouring.GIVEN, colour.getValue(), "the keys did not reach the choice");
  }

  @Test
  void escAfterABoxDraggedOnTheMapClearsItAndTheTableGetsItsImageBack(FxRobot robot) {
    @SuppressWarnings("unchecked")
    TableView<ImageItem> table =
        robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    String current = map.pointsProperty().get().get(39).path(); // the last point, off the box
    robot.interact(
        () -> {
          for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).path().equals(current)) {
              table.getSelectionModel().clearAndSelect(i);
            }
          }
        });
    assertEquals(current, images.currentPathProperty().get());
    // A box around the first two columns of the first two rows, dragged with the mouse.
    MapLayout l = map.layout();
    robot.drag(screenOf(l.sx(0) - 8, l.sy(0) - 8), MouseButton.PRIMARY);
    robot.moveTo(screenOf((l.sx(1) + l.sx(2)) / 2.0, (l.sy(8) + l.sy(16)) / 2.0));
    robot.drop();
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(4, map.selectionProperty().get().size(), "points 0, 1, 8 and 9");
    assertEquals(4, table.getItems().size(), "the table shows the box only");
    assertEquals(null, images.currentPathProperty().get(), "its image is filtered out");
    org.databoost.app.Screenshots.save(robot, scene, "item4-map-box-before-esc");

    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(map.selectionProperty().get().isEmpty(), "Esc clears the box");
    assertEquals(50, table.getItems().size(), "every image again, the label book too");
    assertEquals(current, images.currentPathProperty().get(), "the table's image is back");
    assertEquals(current, table.getSelectionModel().getSelectedItem().path());
  }

  @Test
  void anOutOfDateMapSaysSoOnALineOfItsOwnAndNoButtonIsCutOff(FxRobot robot) {
    robot.interact(
        () -> {
          MapLayout l = map.layout();
          map.selectInBox(l.sx(0) - 5, l.sy(0) - 5, l.sx(9) + 5, l.sy(9) + 5);
          map.zoomCentre(2);
          map.editsSinceProperty().set(12);
        });
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.Parent bar = robot.lookup("#compute-map").queryButton().getParent();
    assertEquals(
        List.of(), org.databoost.app.Screenshots.clippedTexts(robot, bar), "at 1280 x 800");
    Label stale = robot.from(scene.getRoot()).lookup("#map-out-of-date").queryAs(Label.class);
    assertEquals("out of date: 12 edits since the map (Compute map)", stale.getText());
    org.databoost.app.Screenshots.save(robot, scene, "item1-map-out-of-date");
  }
}

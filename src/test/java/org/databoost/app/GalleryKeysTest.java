package org.databoost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.databoost.app.images.ImageItem;
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
 * The gallery's arrow keys where a user left off: a click in the gap between two tiles changes
 * nothing, and the first arrow key with nothing selected picks the first tile in view instead of
 * jumping back to the top of the list.
 */
@ExtendWith(ApplicationExtension.class)
class GalleryKeysTest {
  @TempDir static Path tmp;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Wiring wiring;
  private Scene scene;
  private TableView<ImageItem> table;
  private ListView<?> grid;

  @Start
  void start(Stage stage) {
    wiring = WindowModels.create(tmp, background);
    scene = WindowModels.showAtDefaultSize(stage, wiring, tmp);
  }

  @BeforeEach
  @SuppressWarnings("unchecked")
  void openTheGallery(FxRobot robot) throws Exception {
    Path data = tmp.resolve("data-" + System.nanoTime());
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(12, 4, 1), Progress.NONE);
    WindowModels.doAndWait(robot, wiring, () -> wiring.summary().open(data));
    table = robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    ToggleButton gallery =
        robot.from(scene.getRoot()).lookup("#show-gallery").queryAs(ToggleButton.class);
    robot.interact(gallery::fire);
    grid = robot.from(scene.getRoot()).lookup("#image-gallery").queryAs(ListView.class);
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  private int firstRowInView() {
    IndexedCell<?> top = ((VirtualFlow<?>) grid.lookup(".virtual-flow")).getFirstVisibleCell();
    return top == null ? -1 : top.getIndex();
  }

  /** A point in the gap between the first two tiles of a row in view, on screen. */
  private Point2D gapBetweenTiles(FxRobot robot) {
    List<Node> tiles =
        robot.from(grid).lookup(".gallery-tile").queryAll().stream()
            .filter(Node::isVisible)
            .map(n -> (Node) n)
            .sorted(
                Comparator.comparingDouble((Node n) -> screen(n).getMinY())
                    .thenComparingDouble(n -> screen(n).getMinX()))
            .toList();
    for (int k = 0; k + 1 < tiles.size(); k++) {
      Bounds a = screen(tiles.get(k));
      Bounds b = screen(tiles.get(k + 1));
      double bottom = screen(grid).getMaxY();
      if (Math.abs(a.getMinY() - b.getMinY()) < 1
          && b.getMinX() > a.getMaxX()
          && a.getMaxY() < bottom) {
        return new Point2D((a.getMaxX() + b.getMinX()) / 2, a.getCenterY());
      }
    }
    throw new AssertionError("no two tiles side by side in view");
  }

  private static Bounds screen(Node n) {
    return n.localToScreen(n.getBoundsInLocal());
  }

  @Test
  void withNothingSelectedTheFirstArrowPicksTheFirstTileInViewAndTheGalleryStays(FxRobot robot) {
    robot.interact(() -> grid.scrollTo(4));
    WaitForAsyncUtils.waitForFxEvents();
    int row = firstRowInView();
    assertTrue(row >= 3, "scrolled down: row " + row + " at the top");
    robot.interact(() -> table.getSelectionModel().clearSelection());
    robot.clickOn(gapBetweenTiles(robot));
    assertEquals(-1, table.getSelectionModel().getSelectedIndex(), "a gap selects nothing");
    robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(row, firstRowInView(), "the gallery did not jump back to the top");
    long perRow =
        robot.from(grid).lookup(".gallery-row").queryAllAs(ListCell.class).stream()
            .filter(c -> c.getIndex() == row)
            .findFirst()
            .map(c -> robot.from(c).lookup(".gallery-tile").queryAll().stream())
            .orElseThrow()
            .filter(Node::isVisible)
            .count();
    assertEquals(
        row * perRow,
        table.getSelectionModel().getSelectedIndex(),
        "the first tile in view, not the first image");
    Screenshots.save(robot, scene, "gallery-first-key");
  }

  @Test
  void afterAClickOnTableAndGalleryTheArrowsMoveInTheViewInsteadOfSwitchingItBack(FxRobot robot) {
    robot.clickOn("#show-table");
    robot.clickOn("#show-gallery");
    robot.interact(() -> table.getSelectionModel().clearSelection());
    robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(grid.isVisible(), "the gallery is still shown");
    assertEquals(0, table.getSelectionModel().getSelectedIndex(), "the first tile, chosen by key");
    robot.clickOn("#show-table");
    robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(table.isVisible(), "the table is still shown");
    assertEquals(1, table.getSelectionModel().getSelectedIndex(), "Down in the table");
  }

  @Test
  void aClickBetweenTilesKeepsTheSelectionAndTheArrowsGoOnFromIt(FxRobot robot) {
    robot.interact(() -> table.getSelectionModel().clearAndSelect(1));
    robot.clickOn(gapBetweenTiles(robot));
    assertEquals(1, table.getSelectionModel().getSelectedIndex(), "the gap changed nothing");
    robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(2, table.getSelectionModel().getSelectedIndex(), "Right from where it was");
  }

  /**
   * What JavaFX's software pipeline (no GPU) repaints on every frame of a scroll: the gallery or
   * the table and each region it lies on. A region of two or more background fills is drawn from a
   * cached texture stretched over its whole area, which took most of each frame
   * (docs/window-timings.md); with modena's own styles the split pane, the table and the gallery
   * had two or three.
   */
  @Test
  void theRegionsUnderAScrollingGalleryOrTablePaintOneFillEachFocusedOrNot(FxRobot robot) {
    robot.interact(grid::requestFocus);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(grid.isFocused(), "the gallery has the focus");
    assertEquals(List.of(), severalFills(grid), "the gallery focused");
    robot.clickOn("#show-table");
    robot.interact(table::requestFocus);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(table.isFocused(), "the table has the focus");
    assertEquals(List.of(), severalFills(table), "the table focused");
    robot.interact(() -> scene.getRoot().requestFocus());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(), severalFills(table), "the table not focused");
    assertEquals(List.of(), severalFills(grid), "the gallery not focused");
  }

  /** This view and its ancestors whose backgrounds have more than one fill. */
  private static List<String> severalFills(Node view) {
    List<String> out = new ArrayList<>();
    for (Node n = view; n != null; n = n.getParent()) {
      if (n instanceof Region r) {
        Background b = r.getBackground();
        if (b != null && b.getFills().size() > 1) {
          out.add(r.getClass().getSimpleName() + r.getStyleClass() + ": " + b.getFills().size());
        }
      }
    }
    return out;
  }
}

package org.databoost.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.databoost.app.common.Session;
import org.databoost.dataset.Split;
import org.databoost.map.MapPoint;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The map tab's state on the calling thread, without the JavaFX toolkit. */
class MapViewModelTest {
  private MapViewModel vm;

  /**
   * A 10 x 10 grid of points, unit spacing, on a 230 x 230 canvas with a 16 px margin: point (i, j)
   * lands at pixel (16 + 22 i, 16 + 22 j). Point index is 10 j + i; val when i is odd.
   */
  @BeforeEach
  void grid() {
    List<MapPoint> points = new ArrayList<>();
    for (int j = 0; j < 10; j++) {
      for (int i = 0; i < 10; i++) {
        Split split = i % 2 == 1 ? Split.VAL : Split.TRAIN;
        points.add(
            new MapPoint(
                split + "/x/" + i + "-" + j + ".png", split, "x", i, j, i == 9 && j == 9, "v"));
      }
    }
    vm =
        new MapViewModel(
            new Session(Runnable::run, Runnable::run, WorkspaceOptions.defaults()),
            (ws, progress) -> List.of());
    vm.setViewport(230, 230);
    vm.show(points);
  }

  private static double px(int gridUnits) {
    return 16 + 22 * gridUnits;
  }

  @Test
  void aConcaveLassoSelectsTheImagesInsideItForTheTable() {
    // An L around column 0 and row 9: the bottom-left corner of the grid and nothing else.
    vm.selectInLasso(
        new double[] {px(0) - 5, px(0) + 5, px(0) + 5, px(9) + 5, px(9) + 5, px(0) - 5},
        new double[] {px(0) - 5, px(0) - 5, px(8) + 5, px(8) + 5, px(9) + 5, px(9) + 5});
    Set<String> s = vm.selectionProperty().get();
    assertEquals(19, s.size(), s.toString());
    assertTrue(s.contains("train/x/0-0.png"));
    assertTrue(s.contains("val/x/9-9.png"));
    assertFalse(s.contains("val/x/1-1.png"), "inside the L's bounding box, outside the L");
    assertEquals(19, countFull(vm.layersProperty().get()), "the rest is faded");
  }

  @Test
  void aBoxSelectsAndClearingFromTheTableShowsEverythingAgain() {
    vm.selectInBox(px(2) - 3, px(2) - 3, px(3) + 3, px(3) + 3);
    assertEquals(
        Set.of("train/x/2-2.png", "val/x/3-2.png", "train/x/2-3.png", "val/x/3-3.png"),
        vm.selectionProperty().get());
    vm.selectionProperty().set(Set.of()); // what the table's "Clear map selection" does
    assertEquals(100, countFull(vm.layersProperty().get()));
  }

  @Test
  void aSelectionSetFromOutsideIsDrawnToo() {
    vm.selectionProperty().set(Set.of("train/x/0-0.png", "not/on/the/map.png"));
    assertEquals(1, countFull(vm.layersProperty().get()));
  }

  @Test
  void zoomKeepsThePointUnderTheCursorAndResetShowsTheWholeMap() {
    vm.zoomAbout(px(3), px(4), 3);
    MapLayout l = vm.layout();
    int p = 4 * 10 + 3;
    assertEquals(px(3), l.sx(p), 1);
    assertEquals(px(4), l.sy(p), 1);
    assertEquals(px(3) + 3 * 22, l.sx(p + 1), 1, "neighbours three times as far");
    assertTrue(vm.isZoomed());
    vm.panBy(-10, 5);
    assertEquals(px(3) - 10, vm.layout().sx(p), 1);
    vm.resetView();
    assertFalse(vm.isZoomed());
    assertEquals(px(3), vm.layout().sx(p));
  }

  @Test
  void hoverNamesThePointWithinAFewPixelsAndNothingFarther() {
    vm.hover(px(5) + 2, px(6) - 3);
    PointFacts f = vm.hoveredProperty().get();
    assertEquals("val/x/5-6.png", f.path());
    assertEquals("5-6.png", f.fileName());
    assertEquals("val · given x · predicted v", f.labels());
    vm.hover(px(5) + 11, px(6));
    assertNull(vm.hoveredProperty().get(), "halfway between two points: 11 px from each");
    vm.hover(Double.NaN, Double.NaN);
    assertNull(vm.hoveredProperty().get());
  }

  @Test
  void imagesAddedByBoostGetTheirOwnMarkerAndSaySo() {
    vm.setBoostAdded(Set.of("train/x/0-0.png", "train/x/2-0.png", "elsewhere.png"));
    MarkerLayers layers = vm.layersProperty().get();
    assertEquals(2, layers.count(MapPalette.SPLIT_BOOST));
    assertEquals(48, layers.count(MapPalette.TRAIN));
    assertEquals(MapPalette.SPLIT_BOOST + layers.categories(), layers.layer(0));
    vm.hover(px(2), px(0));
    assertTrue(vm.hoveredProperty().get().addedByBoost());
    assertTrue(vm.hoveredProperty().get().labels().endsWith("added by Boost"));
  }

  @Test
  void aClickPicksTheImageAndTheTableRowRingsItsPoint() {
    assertEquals(Optional.of("val/x/7-1.png"), vm.pick(px(7) + 1, px(1)));
    assertEquals(17, vm.highlightedIndex());
    vm.highlightedProperty().set("train/x/4-4.png");
    assertEquals(44, vm.highlightedIndex());
    assertEquals(Optional.empty(), vm.pick(px(7) + 11, px(1)));
  }

  @Test
  void aNewDatasetForgetsTheMapAndItsSelection() {
    vm.selectInBox(0, 0, 230, 230);
    vm.zoomAbout(10, 10, 2);
    vm.clear();
    assertTrue(vm.pointsProperty().get().isEmpty());
    assertTrue(vm.selectionProperty().get().isEmpty());
    assertFalse(vm.isZoomed());
  }

  @Test
  void theColoursShowTheChosenFactWithACountPerCategory() {
    MarkerLayers split = vm.layersProperty().get();
    assertEquals(MapColouring.SPLIT, split.palette().colouring());
    assertEquals(50, split.count(MapPalette.TRAIN));
    assertEquals(49, split.count(MapPalette.VAL));
    assertEquals(1, split.count(MapPalette.WRONG));

    vm.colouringProperty().set(MapColouring.PREDICTED);
    MarkerLayers predicted = vm.layersProperty().get();
    List<String> names = predicted.palette().names();
    assertEquals(List.of("no prediction", "v", "x", MapPalette.BOOST_NAME), names);
    assertEquals(100, predicted.count(names.indexOf("v")));
    assertEquals(0, predicted.count(names.indexOf("x")));

    vm.colouringProperty().set(MapColouring.GIVEN);
    assertEquals(100, vm.layersProperty().get().count(names.indexOf("x")));

    vm.setVerdicts(
        java.util.Map.of(
            "train/x/0-0.png", "label error",
            "train/x/2-0.png", "label error",
            "val/x/1-0.png", "not a numeral"));
    vm.colouringProperty().set(MapColouring.VERDICT);
    MarkerLayers verdicts = vm.layersProperty().get();
    assertEquals(
        List.of("no verdict", "label error", "not a numeral", MapPalette.BOOST_NAME),
        verdicts.palette().names());
    assertEquals(97, verdicts.count(0));
    assertEquals(2, verdicts.count(1));
    assertEquals(1, verdicts.count(2));
    // Drawn above the images without a verdict.
    assertEquals(1, verdicts.drawn(verdicts.size() - 1));
  }

  private static int countFull(MarkerLayers layers) {
    int n = 0;
    for (int i = 0; i < layers.size(); i++) {
      n += layers.full(i) ? 1 : 0;
    }
    return n;
  }
}

package org.databoost.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.databoost.dataset.Split;
import org.databoost.map.MapPoint;
import org.junit.jupiter.api.Test;

class MapLayoutTest {
  private static final List<MapPoint> POINTS =
      List.of(
          new MapPoint("a", Split.TRAIN, "i", 0f, 0f, false),
          new MapPoint("b", Split.VAL, "i", 10f, 10f, true),
          new MapPoint("c", Split.TRAIN, "ii", 10f, 0f, false));

  @Test
  void fitsThePointsInsideTheMarginsCentredKeepingTheAspect() {
    MapLayout l = MapLayout.of(POINTS, 220, 120, 10);
    assertEquals(60, l.sx(0), "100 px wide map centred in 200 px");
    assertEquals(10, l.sy(0));
    assertEquals(160, l.sx(1), "scale 10 px per unit: the height limits it");
    assertEquals(110, l.sy(1));
  }

  @Test
  void aClickFindsTheNearestPointWithinTheRadiusOnly() {
    MapLayout l = MapLayout.of(POINTS, 220, 120, 10);
    assertEquals(2, l.nearest(158, 12, 6), "c, at (160, 10)");
    assertEquals(-1, l.nearest(60, 60, 6));
  }

  @Test
  void aBoxSelectsThePointsInsideItWhicheverWayItWasDragged() {
    MapLayout l = MapLayout.of(POINTS, 220, 120, 10);
    BitSet expected = new BitSet();
    expected.set(1);
    expected.set(2);
    assertEquals(expected, l.inBox(170, 0, 150, 120));
  }

  @Test
  void theViewTransformZoomsAndPansTheFittedPositions() {
    MapLayout l = MapLayout.of(POINTS, 220, 120, 10);
    assertTrue(l.update(POINTS, 220, 120, new ViewTransform(2, -110, 5)));
    assertEquals(60 * 2 - 110, l.sx(0));
    assertEquals(10 * 2 + 5, l.sy(0));
    assertEquals(160 * 2 - 110, l.sx(1));
    assertEquals(2, l.nearest(210, 25, 6), "c moved to (210, 25)");
  }

  @Test
  void layingOutTheSameThingAgainIsFreeAndAnyChangeRecomputes() {
    MapLayout l = MapLayout.of(POINTS, 220, 120, 10);
    assertFalse(l.update(POINTS, 220, 120, ViewTransform.IDENTITY));
    assertFalse(l.update(POINTS, 220, 120, new ViewTransform(1, 0, 0)), "equal, not identical");
    assertTrue(l.update(POINTS, 220, 121, ViewTransform.IDENTITY), "size");
    assertTrue(l.update(List.copyOf(List.of(POINTS.get(0))), 220, 121, ViewTransform.IDENTITY));
    assertEquals(1, l.size());
  }

  @Test
  void pointsZoomedFarOffScreenStayOffScreenInsteadOfWrappingAround() {
    MapLayout l = MapLayout.of(POINTS, 220, 120, 10);
    l.update(POINTS, 220, 120, new ViewTransform(ViewTransform.MAX_ZOOM, -1e12, 0));
    assertEquals(Integer.MIN_VALUE, l.sx(1));
    assertEquals(-1, l.nearest(0, 0, 6));
  }
}

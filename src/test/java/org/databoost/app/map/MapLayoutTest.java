package org.databoost.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.databoost.map.MapPoint;
import org.junit.jupiter.api.Test;

class MapLayoutTest {
  private static final List<MapPoint> POINTS =
      List.of(
          new MapPoint("a", "train", "i", 0f, 0f, false),
          new MapPoint("b", "val", "i", 10f, 10f, true),
          new MapPoint("c", "train", "ii", 10f, 0f, false));

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
    assertEquals("c", l.nearest(158, 12, 6).orElseThrow().path());
    assertTrue(l.nearest(60, 60, 6).isEmpty());
  }

  @Test
  void aBoxSelectsThePointsInsideItWhicheverWayItWasDragged() {
    MapLayout l = MapLayout.of(POINTS, 220, 120, 10);
    assertEquals(List.of("b", "c"), l.inside(170, 0, 150, 120));
  }
}

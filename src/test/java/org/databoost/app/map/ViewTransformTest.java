package org.databoost.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViewTransformTest {
  private static final double EPS = 1e-9;

  @Test
  void zoomingKeepsThePointUnderTheCursorWhereItIs() {
    ViewTransform t = new ViewTransform(1.5, 20, -7);
    double fx = t.toFittedX(300);
    double fy = t.toFittedY(200);
    ViewTransform z = t.zoomAbout(300, 200, 2.5);
    assertEquals(3.75, z.zoom(), EPS);
    assertEquals(300, z.toScreenX(fx), EPS);
    assertEquals(200, z.toScreenY(fy), EPS);
  }

  @Test
  void zoomingInAndOutAgainComesBack() {
    ViewTransform t = ViewTransform.IDENTITY.zoomAbout(100, 50, 4).zoomAbout(100, 50, 0.25);
    assertEquals(1, t.zoom(), EPS);
    assertEquals(0, t.panX(), EPS);
    assertEquals(0, t.panY(), EPS);
  }

  @Test
  void theZoomStaysWithinItsLimitsAndTheCursorPointStillStays() {
    ViewTransform in = ViewTransform.IDENTITY.zoomAbout(10, 10, 1e9);
    assertEquals(ViewTransform.MAX_ZOOM, in.zoom(), EPS);
    assertEquals(10, in.toScreenX(10), EPS);
    ViewTransform out = ViewTransform.IDENTITY.zoomAbout(10, 10, 1e-9);
    assertEquals(ViewTransform.MIN_ZOOM, out.zoom(), EPS);
    assertEquals(10, out.toScreenY(10), EPS);
  }

  @Test
  void panningMovesEveryPointBySoManyPixelsAtAnyZoom() {
    ViewTransform t = new ViewTransform(3, 0, 0).panBy(15, -4);
    assertEquals(3 * 7 + 15, t.toScreenX(7), EPS);
    assertEquals(3 * 7 - 4, t.toScreenY(7), EPS);
    assertEquals(7, t.toFittedX(t.toScreenX(7)), EPS);
  }
}

package org.databoost.app.map;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;

/**
 * What the mouse and keys do on the map canvas, and the outline of a lasso or box being drawn.
 * Mouse: a click picks the image; a drag draws a box, a lasso (Shift, or the Lasso tool) or pans
 * (right or middle button, or the Pan tool); the wheel or a pinch zooms about the cursor. Keys: Esc
 * clears the selection (or drops the lasso being drawn), 0 or Home shows the whole map, + and -
 * zoom, L B P choose the tool.
 */
final class MapGestures {
  /** Wheel delta that doubles the zoom (four notches of a usual mouse wheel). */
  private static final double WHEEL_PER_DOUBLING = 160;

  /** A press that moves less than this is a click. */
  private static final double CLICK_SLOP = 4;

  private enum Gesture {
    NONE,
    PAN,
    LASSO,
    BOX
  }

  private final MapViewModel model;
  private final Consumer<String> onPick;
  private final Runnable repaint;
  private Gesture gesture = Gesture.NONE;
  private double pressX;
  private double pressY;
  private double lastX;
  private double lastY;
  private boolean moved;
  private double[] lassoX = new double[256];
  private double[] lassoY = new double[256];
  private int lassoN;

  /**
   * @param onPick called with the path of a clicked image
   * @param repaint draws the map again with the gesture's outline, without re-rasterising
   */
  MapGestures(MapViewModel model, Consumer<String> onPick, Runnable repaint) {
    this.model = model;
    this.onPick = onPick;
    this.repaint = repaint;
  }

  void install(Canvas canvas) {
    canvas.setFocusTraversable(true);
    canvas.setOnMousePressed(
        e -> {
          canvas.requestFocus();
          boolean panButton =
              e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE;
          press(e.getX(), e.getY(), panButton, e.isShiftDown());
        });
    canvas.setOnMouseDragged(e -> drag(e.getX(), e.getY()));
    canvas.setOnMouseReleased(e -> release(e.getX(), e.getY()));
    canvas.setOnMouseMoved(e -> model.hover(e.getX(), e.getY()));
    canvas.setOnMouseExited(e -> model.hover(Double.NaN, Double.NaN));
    canvas.setOnScroll(
        e -> {
          double d = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
          if (d != 0) {
            wheel(e.getX(), e.getY(), d);
          }
          e.consume();
        });
    canvas.setOnZoom(e -> model.zoomAbout(e.getX(), e.getY(), e.getZoomFactor()));
    canvas.setOnKeyPressed(this::onKey);
  }

  /** A button went down at (x, y): starts a pan, a lasso or a box. */
  void press(double x, double y, boolean panButton, boolean shift) {
    pressX = x;
    pressY = y;
    lastX = x;
    lastY = y;
    moved = false;
    MapViewModel.Tool tool = model.toolProperty().get();
    if (panButton || (tool == MapViewModel.Tool.PAN && !shift)) {
      gesture = Gesture.PAN;
    } else if (shift || tool == MapViewModel.Tool.LASSO) {
      gesture = Gesture.LASSO;
      lassoN = 0;
      addLassoVertex(x, y);
    } else {
      gesture = Gesture.BOX;
    }
    model.hover(Double.NaN, Double.NaN);
  }

  void drag(double x, double y) {
    moved |= Math.hypot(x - pressX, y - pressY) >= CLICK_SLOP;
    switch (gesture) {
      case PAN -> model.panBy(x - lastX, y - lastY);
      case LASSO -> {
        // Vertices closer than 2 px add nothing but work.
        if (Math.hypot(x - lassoX[lassoN - 1], y - lassoY[lassoN - 1]) >= 2) {
          addLassoVertex(x, y);
        }
        repaint.run();
      }
      case BOX -> repaint.run();
      case NONE -> {}
    }
    lastX = x;
    lastY = y;
  }

  void release(double x, double y) {
    Gesture was = gesture;
    gesture = Gesture.NONE;
    if (!moved) {
      model.pick(x, y).ifPresent(onPick);
    } else if (was == Gesture.LASSO && lassoN >= 3) {
      model.selectInLasso(Arrays.copyOf(lassoX, lassoN), Arrays.copyOf(lassoY, lassoN));
    } else if (was == Gesture.BOX) {
      model.selectInBox(pressX, pressY, x, y);
    }
    repaint.run();
  }

  void wheel(double x, double y, double delta) {
    // The card goes while zooming; the next mouse move finds the point under it again.
    model.hover(Double.NaN, Double.NaN);
    model.zoomAbout(x, y, Math.pow(2, delta / WHEEL_PER_DOUBLING));
  }

  private void addLassoVertex(double x, double y) {
    if (lassoN == lassoX.length) {
      lassoX = Arrays.copyOf(lassoX, lassoN * 2);
      lassoY = Arrays.copyOf(lassoY, lassoN * 2);
    }
    lassoX[lassoN] = x;
    lassoY[lassoN++] = y;
  }

  /** Esc, 0, Home, + and -, and the tool keys; whether it used the key. */
  void onKey(KeyEvent e) {
    switch (e.getCode()) {
      case ESCAPE -> {
        if (gesture != Gesture.NONE) {
          gesture = Gesture.NONE;
          repaint.run();
        } else {
          model.clearSelection();
        }
      }
      case DIGIT0, NUMPAD0, HOME -> model.resetView();
      case PLUS, EQUALS, ADD -> model.zoomCentre(Math.sqrt(2));
      case MINUS, SUBTRACT -> model.zoomCentre(1 / Math.sqrt(2));
      case L -> model.toolProperty().set(MapViewModel.Tool.LASSO);
      case B -> model.toolProperty().set(MapViewModel.Tool.BOX);
      case P -> model.toolProperty().set(MapViewModel.Tool.PAN);
      default -> {
        return;
      }
    }
    e.consume();
  }

  /** Whether the last press was a drag rather than a click. */
  boolean moved() {
    return moved;
  }

  /** The lasso or box being drawn, if any. */
  void paintOutline(GraphicsContext g) {
    g.setLineWidth(1.5);
    g.setStroke(Color.web("#303030"));
    g.setFill(Color.web("#1f5fa8", 0.08));
    g.setLineJoin(StrokeLineJoin.ROUND);
    if (gesture == Gesture.LASSO && lassoN > 1) {
      g.fillPolygon(lassoX, lassoY, lassoN);
      g.strokePolyline(lassoX, lassoY, lassoN);
      g.setLineDashes(4, 4);
      g.strokeLine(lassoX[lassoN - 1], lassoY[lassoN - 1], lassoX[0], lassoY[0]);
      g.setLineDashes();
    } else if (gesture == Gesture.BOX && moved) {
      double x = Math.min(pressX, lastX);
      double y = Math.min(pressY, lastY);
      g.fillRect(x, y, Math.abs(lastX - pressX), Math.abs(lastY - pressY));
      g.strokeRect(x, y, Math.abs(lastX - pressX), Math.abs(lastY - pressY));
    }
  }
}

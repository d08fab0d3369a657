package org.databoost.app.map;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.databoost.app.common.Session;
import org.databoost.map.MapPoint;
import org.databoost.workspace.WorkspaceOptions;

/**
 * The map's part of {@code bench ui}, on the FX thread of the real toolkit: a full redraw, a redraw
 * after a zoom step (the layout is computed again), a lasso selection (the point-in-polygon test
 * alone, and as the user waits for it: the table's path set, the markers and the redraw included),
 * and hovering (the grid built on the first move after a change, then a lookup).
 */
public final class MapTimings {
  private static final int WIDTH = 1100;
  private static final int HEIGHT = 650;

  private MapTimings() {}

  public static void run(PrintStream out, List<MapPoint> points) {
    MapViewModel model =
        new MapViewModel(
            new Session(Runnable::run, Runnable::run, WorkspaceOptions.defaults()),
            (ws, progress) -> List.of());
    MapView view = new MapView(model, () -> null, p -> {}, () -> {});
    view.build();
    view.showAtFixedSize(points, WIDTH, HEIGHT);
    int n = points.size();
    out.printf(
        Locale.ROOT, "  %,d points: %.1f ms (best of 5)%n", n, best(5, () -> time(view::redraw)));
    double zoomed =
        best(
            5,
            () -> {
              model.zoomCentre(1.1);
              return time(view::redraw);
            });
    model.resetView();
    double[][] lasso = lasso(64);
    Lasso polygon = new Lasso(lasso[0], lasso[1]);
    MapLayout layout = model.layout();
    int[] selected = new int[1];
    double inside = best(5, () -> time(() -> selected[0] = layout.inLasso(polygon).cardinality()));
    double select =
        best(
            3,
            () -> {
              model.clearSelection();
              return time(() -> model.selectInLasso(lasso[0], lasso[1]));
            });
    model.clearSelection();
    double firstHover =
        best(
            3,
            () -> {
              model.zoomCentre(1.0001); // a new layout: the next hover builds the grid
              model.layout();
              return time(() -> model.hover(WIDTH / 2.0, HEIGHT / 2.0));
            });
    SplittableRandom r = new SplittableRandom(1);
    int moves = 10_000;
    double hover =
        time(
                () -> {
                  for (int i = 0; i < moves; i++) {
                    model.hover(r.nextDouble(WIDTH), r.nextDouble(HEIGHT));
                  }
                })
            / moves;
    out.printf(
        Locale.ROOT,
        "    after a zoom step %.1f ms; lasso of 64 vertices around %,d points: test %.1f ms,"
            + " as the user waits (table filter, markers, redraw) %.1f ms;"
            + " hover: first after a change (grid) %.1f ms, then %.1f µs%n",
        zoomed,
        selected[0],
        inside,
        select,
        firstHover,
        hover * 1000);
  }

  /** A wobbly, partly concave ring around the middle of the canvas. */
  private static double[][] lasso(int vertices) {
    double[] xs = new double[vertices];
    double[] ys = new double[vertices];
    for (int k = 0; k < vertices; k++) {
      double a = 2 * Math.PI * k / vertices;
      double radius = 180 + 60 * Math.sin(5 * a);
      xs[k] = WIDTH / 2.0 + radius * Math.cos(a);
      ys[k] = HEIGHT / 2.0 + radius * Math.sin(a);
    }
    return new double[][] {xs, ys};
  }

  private static double time(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double best(int times, DoubleSupplier run) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < times; i++) {
      best = Math.min(best, run.getAsDouble());
    }
    return best;
  }
}

package org.databoost.app.images;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.databoost.app.common.FxThread;
import org.databoost.app.common.Services;
import org.databoost.app.common.Session;
import org.databoost.workspace.WorkspaceOptions;

/**
 * The gallery's part of {@code bench ui}: the Images tab's view (table, gallery and viewer, the
 * window's style sheet) in a 1280 x 800 window showing the gallery of the given rows, scrolled on
 * every frame, first at a fast wheel's pace and then as a dragged scroll bar sweeping the whole
 * list (every frame a fresh page of tiles, each asking for its thumbnail). Prints the longest gap
 * between two frames on the FX thread in each phase, after a few seconds of warm-up (shown apart);
 * each phase starts from the top of the list, a few frames after it was put back there.
 */
public final class GalleryTimings {
  private static final double WHEEL_PX_PER_FRAME = 120;
  private static final double WARM_UP_SECONDS = 3;

  /** Frames drawn, not counted, after the list is put back at the top before a phase. */
  private static final int SETTLE_FRAMES = 10;

  private GalleryTimings() {}

  /**
   * @param root the folder the rows' paths are relative to (their thumbnails are read from it)
   * @param rows the gallery's rows, as a loaded dataset gives them
   * @param seconds how long each phase scrolls
   */
  public static void run(PrintStream out, Path root, List<ImageItem> rows, double seconds)
      throws InterruptedException {
    Stage[] stage = new Stage[1];
    ListView<?>[] grid = new ListView<?>[1];
    FxThread.runAndWait(
        () -> {
          ImagesViewModel model =
              new ImagesViewModel(
                  new Session(Runnable::run, Runnable::run, WorkspaceOptions.defaults()),
                  noServices());
          model.apply(
              new TableSnapshot(
                  rows,
                  List.of(),
                  List.of(),
                  Optional.empty(),
                  List.of(),
                  List.of(),
                  List.of(),
                  ""));
          ImagesView view = new ImagesView(model, () -> root);
          Scene scene = new Scene(view.build(), 1280, 800);
          scene
              .getStylesheets()
              .add(GalleryTimings.class.getResource("/org/databoost/app/workbench.css").toString());
          view.galleryToggle().setSelected(true);
          stage[0] = new Stage();
          stage[0].setScene(scene);
          stage[0].show();
          grid[0] = (ListView<?>) scene.lookup("#image-gallery");
        });
    waitFrames(30); // laid out, the first page of thumbnails asked for
    VirtualFlow<?> flow = (VirtualFlow<?>) grid[0].lookup(".virtual-flow");
    int galleryRows = grid[0].getItems().size();
    // The first seconds load the classes and compile the code of every scroll path; shown apart.
    Phase warmUp =
        scroll(
            WARM_UP_SECONDS,
            (f, t) -> {
              if (f % 2 == 0) {
                flow.scrollPixels(WHEEL_PX_PER_FRAME);
              } else {
                flow.setPosition(t);
              }
            });
    FxThread.runAndWait(() -> flow.setPosition(0));
    waitFrames(SETTLE_FRAMES); // the jump back to the top is not a wheel step
    Phase wheel = scroll(seconds, (f, t) -> flow.scrollPixels(WHEEL_PX_PER_FRAME));
    FxThread.runAndWait(() -> flow.setPosition(0));
    waitFrames(SETTLE_FRAMES);
    Phase drag = scroll(seconds, (f, t) -> flow.setPosition(Math.min(1, t)));
    FxThread.runAndWait(stage[0]::close);
    out.printf(
        Locale.ROOT,
        "  %,d images in %,d rows of tiles (128 px), 1280 x 800 window%n",
        rows.size(),
        galleryRows);
    out.printf(
        Locale.ROOT,
        "  warm-up (wheel and jumps, %.0f s, %d frames, not counted): longest gap %s%n",
        WARM_UP_SECONDS,
        warmUp.frames,
        warmUp.worst());
    out.printf(
        Locale.ROOT,
        "  wheel (%.0f px a frame, %.0f s, %d frames): longest gap %s%n",
        WHEEL_PX_PER_FRAME,
        seconds,
        wheel.frames,
        wheel.worst());
    out.printf(
        Locale.ROOT,
        "  scroll bar dragged top to bottom (%.0f s, %d frames, a new page each frame): longest gap"
            + " %s%n",
        seconds,
        drag.frames,
        drag.worst());
  }

  /** One scroll step, given the frame number and the phase's elapsed share (0..1). */
  private interface Step {
    void at(long frame, double share);
  }

  /**
   * @param worstAtMillis when the longest gap ended, in milliseconds of the JVM's uptime (as its GC
   *     and safepoint logs count time), to find what filled it
   */
  private record Phase(long frames, long worstNanos, long worstAtMillis) {
    String worst() {
      return String.format(
          Locale.ROOT,
          "%.1f ms (ending at %.3f s of uptime)",
          worstNanos / 1e6,
          worstAtMillis / 1e3);
    }
  }

  private static Phase scroll(double seconds, Step step) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    long[] state = new long[5]; // start, last, worst, frames, when the worst ended
    long length = (long) (seconds * 1e9);
    AnimationTimer timer =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            if (state[0] == 0) {
              state[0] = now;
            } else if (now - state[1] > state[2]) {
              state[2] = now - state[1];
              state[4] = now;
            }
            state[1] = now;
            state[3]++;
            double share = (now - state[0]) / (double) length;
            if (share >= 1) {
              stop();
              done.countDown();
              return;
            }
            step.at(state[3], share);
          }
        };
    FxThread.runAndWait(timer::start);
    if (!done.await((long) (seconds * 4) + 30, TimeUnit.SECONDS)) {
      FxThread.runAndWait(timer::stop);
      throw new IllegalStateException("the gallery stopped drawing frames");
    }
    long uptimeNow = ManagementFactory.getRuntimeMXBean().getUptime();
    long worstAt = uptimeNow - (System.nanoTime() - state[4]) / 1_000_000;
    return new Phase(state[3], state[2], worstAt);
  }

  private static void waitFrames(int n) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(n);
    AnimationTimer timer =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            done.countDown();
            if (done.getCount() == 0) {
              stop();
            }
          }
        };
    FxThread.runAndWait(timer::start);
    done.await(30, TimeUnit.SECONDS);
  }

  private static Services noServices() {
    return new Services(
        (ws, config, progress) -> refuse(),
        (ws, options, progress) -> refuse(),
        (ws, progress) -> refuse(),
        (ws, progress) -> refuse());
  }

  private static <T> T refuse() {
    throw new UnsupportedOperationException("the gallery benchmark runs no job");
  }
}

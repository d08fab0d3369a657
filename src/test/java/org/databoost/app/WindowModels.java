package org.databoost.app;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.databoost.app.common.Session;
import org.databoost.app.settings.SettingsFile;
import org.databoost.app.settings.WindowLayout;
import org.databoost.app.settings.WorkbenchSettings;
import org.databoost.workspace.WorkspaceOptions;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's object graph as the app wires it, for window tests: the sample dataset and the user
 * data folder inside {@code tmp}, background work on {@code background}, evaluation keeping known
 * runs ({@link TestServices}).
 */
public final class WindowModels {
  private WindowModels() {}

  public static Wiring create(Path tmp, ExecutorService background) {
    return Wiring.create(
        TestServices.withKnownRuns(),
        WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")),
        tmp.resolve("sample"),
        background,
        Platform::runLater);
  }

  /**
   * Shows the main window at the default size (1280 x 800, what a first start opens), its settings
   * file in {@code tmp}.
   */
  public static Scene showAtDefaultSize(Stage stage, Wiring wiring, Path tmp) {
    stage.setWidth(WindowLayout.DEFAULT_WIDTH);
    stage.setHeight(WindowLayout.DEFAULT_HEIGHT);
    return new MainWindow(
            wiring, WorkbenchSettings.load(new SettingsFile(tmp.resolve("settings.properties"))))
        .show(stage);
  }

  /** Runs {@code action} on the FX thread and waits until the job it started has ended. */
  public static void doAndWait(FxRobot robot, Wiring wiring, Runnable action) throws Exception {
    int before = wiring.session().finishedJobsProperty().get();
    robot.interact(action);
    awaitIdle(wiring.session(), before);
  }

  /**
   * Waits until a job started after {@code before} jobs had ended has ended, and no job runs (an
   * open is a scan, then loading the rows, then the embeddings-only checks).
   */
  public static void awaitIdle(Session session, int before) throws Exception {
    WaitForAsyncUtils.waitFor(
        120,
        TimeUnit.SECONDS,
        () -> session.finishedJobsProperty().get() > before && !session.busyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }
}

package org.databoost.app;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.databoost.app.common.Session;
import org.databoost.workspace.WorkspaceOptions;
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

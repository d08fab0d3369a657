package org.databoost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.databoost.app.images.ImageItem;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dataset Databoost may not write, opened in the window as a user would: the toolbar says
 * "read-only" beside its path before anything is tried, and a relabel key, Delete or Boost is
 * refused in the status line with the reason (no error dialog, no job, no file moved). Made
 * read-only by clearing the folders' owner write bits, which the product honours even for root.
 */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyFlowTest {
  @TempDir static Path tmp;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Wiring wiring;
  private Scene scene;
  private Path data;

  @Start
  void start(Stage stage) {
    wiring = WindowModels.create(tmp, background);
    scene = WindowModels.showAtDefaultSize(stage, wiring, tmp);
  }

  @AfterEach
  void writableAgain() throws IOException {
    background.shutdownNow();
    if (data != null) {
      writeBits(data, true); // lets @TempDir clean up
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aReadOnlyDatasetSaysSoBesideItsPathAndRefusesEditsInTheStatusLine(FxRobot robot)
      throws Exception {
    data = tmp.resolve("read-only");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    writeBits(data, false);
    Set<Path> before = files(data);
    WindowModels.doAndWait(robot, wiring, () -> wiring.summary().open(data));
    WaitForAsyncUtils.waitFor(
        60, java.util.concurrent.TimeUnit.SECONDS, () -> !wiring.session().busyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();

    Label path = robot.from(scene.getRoot()).lookup("#dataset-path").queryAs(Label.class);
    assertTrue(path.getText().endsWith("(read-only: view only)"), path.getText());
    assertTrue(
        path.getTooltip() != null && path.getTooltip().getText().contains("cannot be written"),
        "the tooltip says which folder cannot be written");
    Screenshots.save(robot, scene, "read-only-dataset");

    ImagesViewModel images = wiring.images();
    String reason = images.readOnlyProperty().get();
    assertTrue(reason.startsWith("The dataset is read-only ("), reason);
    TableView<ImageItem> table =
        robot.from(scene.getRoot()).lookup("#images-table").queryAs(TableView.class);
    robot.interact(
        () -> {
          table.getSelectionModel().clearAndSelect(0);
          table.requestFocus();
        });
    int jobs = wiring.session().finishedJobsProperty().get();
    for (KeyCode key : List.of(KeyCode.DIGIT2, KeyCode.DELETE)) {
      robot.interact(() -> wiring.session().say(""));
      robot.press(key).release(key);
      WaitForAsyncUtils.waitForFxEvents();
      assertEquals(reason, wiring.session().statusProperty().get(), key + " is refused with why");
    }
    robot.interact(
        () -> {
          wiring.session().say("");
          robot.from(scene.getRoot()).lookup("#boost").queryAs(Button.class).fire();
        });
    WaitForAsyncUtils.waitForFxEvents();
    String boost = wiring.session().statusProperty().get();
    assertTrue(boost.startsWith(reason) && boost.contains("open a copy"), boost);
    assertEquals(jobs, wiring.session().finishedJobsProperty().get(), "no job was started");
    assertEquals(1, robot.listWindows().size(), "no error dialog");
    assertEquals(before, files(data), "no file moved");
  }

  private static Set<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return new HashSet<>(s.filter(Files::isRegularFile).map(root::relativize).toList());
    }
  }

  private static void writeBits(Path root, boolean on) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isDirectory).toList()) {
        Set<PosixFilePermission> perms = new HashSet<>(Files.getPosixFilePermissions(p));
        if (on) {
          perms.add(PosixFilePermission.OWNER_WRITE);
        } else {
          perms.remove(PosixFilePermission.OWNER_WRITE);
          perms.remove(PosixFilePermission.GROUP_WRITE);
          perms.remove(PosixFilePermission.OTHERS_WRITE);
        }
        Files.setPosixFilePermissions(p, perms);
      }
    }
  }
}

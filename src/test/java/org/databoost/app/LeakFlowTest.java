package org.databoost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.databoost.app.images.ImageItem;
import org.databoost.app.images.ImagesViewModel;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleKind;
import org.databoost.sample.SampleSpec;
import org.databoost.sample.SampleTruth;
import org.databoost.task.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A train image copied into val, flagged from the embeddings alone before any training: the viewer
 * shows both copies side by side, its one button moves the val copy to the trash as an ordinary
 * edit, and Ctrl+Z puts it back. The flow leaves target/screenshots/item5-leak-side-by-side.png.
 */
@ExtendWith(ApplicationExtension.class)
class LeakFlowTest {
  @TempDir static Path tmp;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Wiring wiring;
  private Scene scene;

  @Start
  void start(Stage stage) {
    wiring = WindowModels.create(tmp, background);
    scene = WindowModels.showAtDefaultSize(stage, wiring, tmp);
  }

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  private void doAndWait(FxRobot robot, Runnable action) throws Exception {
    WindowModels.doAndWait(robot, wiring, action);
  }

  private <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
    return robot.from(scene.getRoot()).lookup(id).queryAs(type);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLeakShowsBothCopiesAndOneClickDeletesTheValCopyUndoably(FxRobot robot) throws Exception {
    Path data = tmp.resolve("leaky");
    SampleTruth truth =
        new SampleDatasetGenerator()
            .generate(data, SampleSpec.defaults().withPerLabel(10, 5, 1), Progress.NONE);
    SampleTruth.Entry original =
        truth.entries().stream()
            .filter(e -> e.kind() == SampleKind.CLEAN && e.path().startsWith("train/"))
            .findFirst()
            .orElseThrow();
    String trainPath = original.path();
    String valPath = "val/" + original.givenLabel() + "/leaked-copy.png";
    Files.copy(data.resolve(trainPath), data.resolve(valPath));

    ImagesViewModel images = wiring.images();
    doAndWait(robot, () -> wiring.summary().open(data));
    doAndWait(robot, images::flagFromEmbeddings);
    String status = wiring.session().statusProperty().get();
    ImageItem leak = images.row(valPath).orElseThrow(() -> new AssertionError(status));
    assertEquals(
        "leak",
        leak.issue(),
        () -> status + " | " + leak + " | " + images.row(trainPath).orElseThrow());
    assertEquals(trainPath, leak.otherCopy(), leak.judges());

    TableView<ImageItem> table = find(robot, "#images-table", TableView.class);
    robot.interact(
        () -> {
          table.getSelectionModel().clearSelection();
          int row = table.getItems().indexOf(leak);
          table.getSelectionModel().select(row);
          table.scrollTo(Math.max(0, row - 3));
          table.requestFocus();
        });
    assertTrue(find(robot, "#copy-pair", Node.class).isVisible());
    String here = find(robot, "#copy-this", Label.class).getText();
    String there = find(robot, "#copy-other", Label.class).getText();
    assertTrue(here.contains(valPath) && here.startsWith("val, labelled "), here);
    assertTrue(there.contains(trainPath) && there.startsWith("train, labelled "), there);
    Button fix = find(robot, "#keep-other-copy", Button.class);
    assertEquals("Keep the train copy, delete this one", fix.getText());
    robot.sleep(300); // the pictures load in the background
    Screenshots.save(robot, scene, "item5-leak-side-by-side");

    int edits = images.history().size();
    doAndWait(robot, fix::fire);
    assertEquals(edits + 1, images.history().size());
    assertFalse(Files.exists(data.resolve(valPath)), "the val copy is in the trash");
    assertTrue(Files.exists(data.resolve(trainPath)), "the train copy is kept");
    assertTrue(images.row(valPath).isEmpty());
    assertFalse(
        find(robot, "#copy-pair", Node.class).isVisible()
            && find(robot, "#copy-this", Label.class).getText().contains(valPath),
        "the deleted copy is no longer shown");

    doAndWait(robot, () -> images.edits().undo());
    assertTrue(Files.exists(data.resolve(valPath)), "Ctrl+Z puts the val copy back");
    assertTrue(images.row(valPath).isPresent());
  }
}
